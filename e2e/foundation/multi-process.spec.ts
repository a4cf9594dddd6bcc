import { execFileSync, spawn } from "node:child_process";
import { expect, test } from "../support/fixtures";

/**
 * `npm start` on PostgreSQL: several worker processes share the port; a worker that dies is replaced while the
 * others keep answering; SIGTERM stops all of them. Runs its own server on another port against the e2e database.
 */
test.describe("server processes (npm start on PostgreSQL)", () => {
  test.skip(!process.env.DATABASE_URL, "several processes need PostgreSQL");

  const childrenOf = (pid: number) => {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };

  test("two workers serve, a killed worker is replaced, SIGTERM stops all", async () => {
    test.setTimeout(90_000);
    const port = Number(process.env.E2E_PORT ?? 3210) + 60;
    const base = `http://127.0.0.1:${port}`;
    const launcher = spawn(process.execPath, ["scripts/start-server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "2", NEXTAUTH_URL: base, NEXTAUTH_SECRET: "x".repeat(32), SEED_DEMO: "false" },
    });
    let output = "";
    launcher.stdout.on("data", (d) => (output += d));
    launcher.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => launcher.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
      expect(output).toContain("Konzeptwerk: 2 Server-Prozesse");
      await expect.poll(() => childrenOf(launcher.pid!).length, { timeout: 30_000 }).toBe(2);
      // Both workers migrate under the advisory lock and report a ready database.
      await expect.poll(() => output.match(/Datenbank bereit \(postgres\)/g)?.length ?? 0, { timeout: 30_000 }).toBe(2);

      const [victim, survivor] = childrenOf(launcher.pid!);
      process.kill(victim!, "SIGKILL");
      // The other worker keeps answering while the replacement starts.
      for (let i = 0; i < 5; i++) expect((await fetch(`${base}/api/health`)).status).toBe(200);
      await expect.poll(() => childrenOf(launcher.pid!).filter((p) => p !== victim).length, { timeout: 30_000 }).toBe(2);
      expect(childrenOf(launcher.pid!)).toContain(survivor);
      expect(output).toContain(`Server-Prozess ${victim} beendet (SIGKILL); ein neuer startet.`);
      const workers = childrenOf(launcher.pid!);

      launcher.kill("SIGTERM");
      expect(await exited).toBe(0);
      for (const pid of workers) expect(() => process.kill(pid, 0), `worker ${pid} still running`).toThrow();
    } finally {
      if (launcher.exitCode === null) launcher.kill("SIGKILL");
    }
  });
});
