import "server-only";
import { Redis } from "@hocuspocus/extension-redis";
import { getDb } from "@/db/client";
import { readEnv } from "@/config/env";
import { createCollabServer } from "./collab-server";
import { collabServer, registerCollabServer } from "./live-registry";

/**
 * Starts live editing in this server process (once). With REDIS_URL, documents are kept in step across all
 * processes and machines through Redis; without it, live editing needs a single process (see start-server.mjs).
 */
export function startCollab(): string {
  if (collabServer()) return "bereits aktiv";
  const redisUrl = readEnv().REDIS_URL;
  const extensions = [];
  if (redisUrl) {
    const url = new URL(redisUrl);
    extensions.push(
      new Redis({
        host: url.hostname,
        port: Number(url.port || 6379),
        options: {
          username: url.username ? decodeURIComponent(url.username) : undefined,
          password: url.password ? decodeURIComponent(url.password) : undefined,
          db: Number(url.pathname.slice(1)) || 0,
        },
      }),
    );
  }
  registerCollabServer(createCollabServer({ getDb, extensions }));
  return redisUrl ? "über Redis abgeglichen" : "in diesem Prozess";
}
