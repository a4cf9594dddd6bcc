import "server-only";
import { Redis } from "@hocuspocus/extension-redis";
import { getDb } from "@/db/client";
import { readEnv } from "@/config/env";
import { createCollabServer } from "./collab-server";
import { connectLivePeers, type LivePeers, type PeerHandlers } from "./live-peers";
import { collabServer, registerCollabServer } from "./live-registry";

/**
 * Starts live editing in this server process (once). With REDIS_URL, documents are kept in step across all
 * processes and machines through Redis; without it, live editing needs a single process (see start-server.mjs).
 */
export function startCollab(): string {
  if (collabServer()) return "bereits aktiv";
  const redisUrl = readEnv().REDIS_URL;
  const extensions = [];
  let connectPeers: ((handlers: PeerHandlers) => LivePeers) | undefined;
  if (redisUrl) {
    const url = new URL(redisUrl);
    const options = {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number(url.pathname.slice(1)) || 0,
    };
    const host = url.hostname;
    const port = Number(url.port || 6379);
    extensions.push(new Redis({ host, port, options }));
    connectPeers = (handlers) => connectLivePeers({ host, port, ...options }, handlers);
  }
  registerCollabServer(createCollabServer({ getDb, extensions, connectPeers }));
  return redisUrl ? "über Redis abgeglichen" : "in diesem Prozess";
}
