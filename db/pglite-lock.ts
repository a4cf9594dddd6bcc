import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Two processes on one PGlite folder silently diverge and can corrupt it, so the process that opens the
 * folder holds an exclusive lock file beside it and every other opener is refused before it touches data.
 */
export class PgliteLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Der Datenbankordner ${dir} wird bereits von einem anderen Prozess verwendet ` +
        `(PID ${holder.pid} auf ${holder.hostname}, „${holder.command}“, seit ${holder.startedAt}). ` +
        `Beenden Sie diesen Prozess oder setzen Sie PGLITE_DIR auf einen anderen Ordner. ` +
        `The embedded database folder is locked by another process.`,
    );
    this.name = "PgliteLockedError";
  }
}

export type LockHolder = { pid: number; hostname: string; command: string; startedAt: string };

export function lockPathFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock or throws PgliteLockedError; returns a function that releases it. */
export function acquirePgliteLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      const release = () => {
        if (readHolder(lockPath)?.pid === me.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === process.pid) throw new PgliteLockedError(path.resolve(dir), holder);
      const stale =
        holder === null ? isStaleUnreadable(lockPath) : holder.hostname === me.hostname && !isAlive(holder.pid);
      if (!stale) throw new PgliteLockedError(path.resolve(dir), holder ?? unknownHolder());
      // The holder died without releasing: take the lock over atomically by renaming the stale file away.
      try {
        fs.renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
        fs.rmSync(`${lockPath}.stale-${process.pid}`, { force: true });
      } catch {
        /* another process took it over first; try again */
      }
    }
  }
  throw new PgliteLockedError(path.resolve(dir), readHolder(lockPath) ?? unknownHolder());
}

function unknownHolder(): LockHolder {
  return { pid: 0, hostname: "?", command: "?", startedAt: "?" };
}

/** A lock file nobody could parse is stale only once it is older than a few seconds (a writer may be mid-write). */
function isStaleUnreadable(lockPath: string): boolean {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs > 5_000;
  } catch {
    return true;
  }
}
