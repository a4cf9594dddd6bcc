// Starts the production server for the e2e run as `npm start` does (on PostgreSQL one process per core,
// sharing the port), on loopback, with a fresh embedded database unless DATABASE_URL points at a prepared
// PostgreSQL database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3210";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  HOSTNAME: "127.0.0.1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-for-tests-only-0123456789",
  KONZEPTWERK_E2E: "1",
  MAIL_DIR: process.env.MAIL_DIR ?? path.join(os.tmpdir(), `konzeptwerk-e2e-mail-${port}`),
};
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = process.env.E2E_PGLITE_DIR ?? path.join(os.tmpdir(), `konzeptwerk-e2e-${port}`);
  fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(`${env.PGLITE_DIR}.lock`, { force: true });
}
fs.rmSync(env.MAIL_DIR, { recursive: true, force: true });
fs.mkdirSync(env.MAIL_DIR, { recursive: true });
fs.writeFileSync(
  path.join(os.tmpdir(), `konzeptwerk-e2e-${port}.env.json`),
  JSON.stringify({ PGLITE_DIR: env.PGLITE_DIR ?? null, MAIL_DIR: env.MAIL_DIR }),
);

// Idle keep-alive sockets stay open longer than a test pauses between requests (axe runs take seconds), so a
// reused connection is never closed by the server at the moment the next request goes out.
const child = spawn(
  process.execPath,
  ["scripts/start-server.mjs", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", "70000"],
  { env, stdio: "inherit" },
);
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
