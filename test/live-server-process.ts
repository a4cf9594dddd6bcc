// A live-editing server in its own process, mounted as scripts/app-server.mjs mounts it (crossws → Hocuspocus on
// /collab, loopback only), for tests that kill it (test/live-editing-crash.integration.test.ts). Run with
// `node --import tsx --conditions=react-server test/live-server-process.ts <port> [--seed]`; the database is
// DATABASE_URL (PostgreSQL) or the PGlite folder PGLITE_DIR. With --seed it first seeds the demo and a fresh
// concept and mints session cookies for the Diakonie and the Federführung. Reports { port, … } over IPC when it
// listens, with the stored live states as it found them; SIGKILL is the point.
import http from "node:http";
import type { AddressInfo } from "node:net";
import crossws from "crossws/adapters/node";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { connect } from "@/db/connect";
import { sectionLiveDocuments, users } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { authSecret } from "@/lib/auth/secret";
import { startUserSession } from "@/lib/auth/user-sessions";
import { createCollabServer } from "@/lib/collab/collab-server";
import { readStoredLiveStates } from "@/lib/collab/live-document-store";

const port = Number(process.argv[2] ?? 0);
const database = await connect({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR,
});
await database.migrate();
const db = database.db;

let seeded: { sectionId: string; cookies: string[] } | null = null;
if (process.argv.includes("--seed")) {
  await seedDemo(db);
  const { sectionIds } = await db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Absturz ${process.pid}`),
  );
  const cookies: string[] = [];
  for (const email of ["diakonie@demo.example", "federfuehrung@demo.example"]) {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const sid = await db.transaction((tx) => startUserSession(tx, user!.id));
    const token = await encode({ token: { sub: user!.id, sv: user!.sessionVersion, sid }, secret: authSecret()! });
    cookies.push(`${sessionCookie().name}=${token}`);
  }
  seeded = { sectionId: sectionIds["Inhaltliche Weiterentwicklung"]!, cookies };
}

// What is stored before anyone connects (after a crash: what survived it), for the test to compare.
const stored = Object.fromEntries(
  [
    ...(
      await readStoredLiveStates(
        db,
        (await db.select({ id: sectionLiveDocuments.sectionId }).from(sectionLiveDocuments)).map((row) => row.id),
      )
    ).values(),
  ].map((row) => [row.sectionId, Buffer.from(row.state).toString("base64")]),
);

const collab = createCollabServer({ getDb: async () => db });
const ws = crossws({
  hooks: {
    open(peer) {
      (peer as unknown as { h: unknown }).h = collab.hocuspocus.handleConnection(
        peer.websocket as never,
        peer.request as never,
      );
    },
    message(peer, message) {
      (peer as unknown as { h: { handleMessage(m: Uint8Array): void } }).h.handleMessage(message.uint8Array());
    },
    close(peer, event) {
      (peer as unknown as { h: { handleClose(e: unknown): void } }).h.handleClose({
        code: event.code,
        reason: event.reason,
      });
    },
  },
});
const server = http.createServer((_req, res) => res.end());
server.on("upgrade", (req, socket, head) => ws.handleUpgrade(req, socket, head));
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
process.send!({ port: (server.address() as AddressInfo).port, ...seeded, stored });
