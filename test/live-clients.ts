import http from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import crossws from "crossws/adapters/node";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { expect } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { authSecret } from "@/lib/auth/secret";
import { startUserSession } from "@/lib/auth/user-sessions";
import type { CollabServer } from "@/lib/collab/collab-server";

/** A live-editing server as app-server.mjs mounts it, on a free loopback port. */
export async function startLiveServer(collab: CollabServer): Promise<{ server: http.Server; origin: string }> {
  type Handler = { handleMessage(m: Uint8Array): void; handleClose(e: unknown): void };
  const handlers = new WeakMap<object, Handler>();
  const ws = crossws({
    hooks: {
      open(peer) {
        handlers.set(peer, collab.hocuspocus.handleConnection(peer.websocket as never, peer.request as never) as never);
      },
      message(peer, message) {
        handlers.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        handlers.get(peer)?.handleClose({ code: event.code, reason: event.reason });
      },
    },
  });
  const server = http.createServer((_req, res) => res.end());
  server.on("upgrade", (req, socket, head) => ws.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A signed session cookie for a demo user, with a real server-side session (as after sign-in). */
export async function sessionCookieFor(db: Db, email: string): Promise<{ cookie: string; userId: string }> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const sid = await db.transaction((tx) => startUserSession(tx, user!.id));
  const token = await encode({ token: { sub: user!.id, sv: user!.sessionVersion, sid }, secret: authSecret()! });
  return { cookie: `${sessionCookie().name}=${token}`, userId: user!.id };
}

export type LiveClient = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  notices: { type: string; message?: string; mode?: string; number?: number }[];
  result: Promise<{ ok: true; scope: string } | { ok: false; reason: string }>;
};

/** A Yjs client over ws with the headers of its choosing (cookie, Origin), as a modified browser would connect. */
export function connectLive(origin: string, sectionId: string, headers: Record<string, string>): LiveClient {
  const doc = new Y.Doc();
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `${origin.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WithHeaders,
    maxAttempts: 1,
  });
  const notices: LiveClient["notices"] = [];
  let settle: (value: Awaited<LiveClient["result"]>) => void = () => {};
  const result = new Promise<Awaited<LiveClient["result"]>>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: sectionId,
    document: doc,
    token: "x",
    onAuthenticated: ({ scope }) => settle({ ok: true, scope }),
    onAuthenticationFailed: ({ reason }) => settle({ ok: false, reason }),
    onStateless: ({ payload }) => notices.push(JSON.parse(payload)),
  });
  provider.attach();
  return { provider, doc, notices, result };
}

export function closeLive(client: LiveClient) {
  client.provider.destroy();
  client.provider.configuration.websocketProvider.destroy();
}

export async function liveSynced(client: LiveClient) {
  await expect.poll(() => client.provider.isSynced, { timeout: 5000 }).toBe(true);
}

/** The given change made on a scratch copy and sent as one raw update, as a modified client would. */
export function sendCrafted(client: LiveClient, change: (doc: Y.Doc) => void) {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(client.doc));
  const sv = Y.encodeStateVector(scratch);
  change(scratch);
  Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(scratch, sv));
}

/** The text of the first paragraph. */
export function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc
    .getXmlFragment("default")
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph")!;
  return paragraph.get(0) as Y.XmlText;
}
