import "server-only";
import type { CollabServer } from "./collab-server";

/**
 * The process's live-editing server, kept on globalThis: instrumentation creates it, the custom HTTP server
 * (scripts/app-server.mjs) hands it the /collab upgrades, and services (a freeze, a restore) reach its documents.
 */
const key = Symbol.for("konzeptwerk.collab");
type WithCollab = typeof globalThis & { [key]?: CollabServer };

export function registerCollabServer(server: CollabServer) {
  (globalThis as WithCollab)[key] = server;
}

/** Null outside the app server (scripts, tests): there is no live document then, only stored state. */
export function collabServer(): CollabServer | null {
  return (globalThis as WithCollab)[key] ?? null;
}
