import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** One production server (`next start`) on loopback, in its own process group so it can be killed hard. */
export type Server = {
  port: number;
  base: string;
  child: ChildProcess;
  pid: number;
  /** Lines the server logged; the run counts unexpected errors in them. */
  log: string[];
  kill(signal: NodeJS.Signals): Promise<void>;
};

export type ServerEnv = { DATABASE_URL?: string; PGLITE_DIR?: string; MAIL_DIR: string };

export async function startServer(port: number, env: ServerEnv, logFile: string): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "resilience-run-secret-0123456789abcdef",
    MAIL_DIR: env.MAIL_DIR,
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.PGLITE_DIR;
  delete childEnv.KONZEPTWERK_E2E;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  if (env.PGLITE_DIR) childEnv.PGLITE_DIR = env.PGLITE_DIR;
  const out = fs.createWriteStream(logFile, { flags: "a" });
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: childEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log: string[] = [];
  const collect = (chunk: Buffer) => {
    out.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log.push(line);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: Server = {
    port,
    base,
    child,
    pid: child.pid!,
    log,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      out.end();
    },
  };
  await waitHealthy(server, 120_000);
  return server;
}

export async function waitHealthy(server: Server, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(
        `Server auf Port ${server.port} beendet (Code ${server.child.exitCode}):\n${server.log.slice(-20).join("\n")}`,
      );
    try {
      const response = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `Server auf Port ${server.port} nicht innerhalb von ${timeoutMs / 1000} s bereit:\n${server.log.slice(-20).join("\n")}`,
  );
}
