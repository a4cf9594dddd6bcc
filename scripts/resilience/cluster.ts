import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A private, throwaway PostgreSQL cluster for the resilience run: its own data folder and port, so the run can
 * stop and start PostgreSQL without touching any other server. Removed at the end.
 */
export type Cluster = {
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  remove(): Promise<void>;
};

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    const root = "/usr/lib/postgresql";
    const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    if (!versions[0]) throw new Error("PostgreSQL-Programme (initdb, pg_ctl) nicht gefunden – setzen Sie PG_BIN.");
    return path.join(root, versions[0], "bin");
  }
}

/** As root, PostgreSQL refuses to run: the cluster then belongs to the user "postgres". */
function runAs(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { prefix: ["runuser", "-u", "postgres", "--"], uid, gid };
}

export function createCluster(port = Number(process.env.RESILIENCE_PG_PORT ?? 55432)): Cluster {
  const bin = binDir();
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-resilience-pg-"));
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, "data");
  const run = (program: string, args: string[]) => {
    const [cmd, ...rest] = [...user.prefix, path.join(bin, program), ...args];
    const result = spawnSync(cmd!, rest, { encoding: "utf8", cwd: dir });
    if (result.status !== 0)
      throw new Error(`${program} ${args.join(" ")} fehlgeschlagen:\n${result.stdout}\n${result.stderr}`);
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  /** pg_ctl without blocking the event loop: the load keeps running while PostgreSQL stops and starts. */
  const runAsync = (program: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [cmd, ...rest] = [...user.prefix, path.join(bin, program), ...args];
      execFile(cmd!, rest, { cwd: dir }, (error, stdout, stderr) =>
        error ? reject(new Error(`${program} fehlgeschlagen: ${stdout}\n${stderr}`)) : resolve(),
      );
    });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start: () =>
      runAsync("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "postgres.log"), "-w", "-t", "60", "start"]),
    stop: () => runAsync("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]),
    async remove() {
      try {
        await this.stop();
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
