import { execFileSync, spawn } from "node:child_process";
import http from "node:http";
import { expect, test } from "../support/fixtures";

/**
 * `npm start` on PostgreSQL with Redis (live editing kept in step between processes): several worker processes share the port; a worker that dies is replaced while the
 * others keep answering; SIGTERM stops all of them. Runs its own server on another port against the e2e database.
 */
test.describe("server processes (npm start on PostgreSQL)", () => {
  test.skip(!process.env.DATABASE_URL, "several processes need PostgreSQL");

  const childrenOf = (pid: number) => {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };

  /**
   * The health endpoint's status over a new connection each time (a kept-alive one could belong to the worker
   * just killed), 0 when it does not answer within 10 s.
   */
  const health = (base: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(`${base}/api/health`, { agent: false, timeout: 10_000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(0));
    });

  // Runs after a failed or timed-out test too: no server may outlive its test (it would hold the port).
  let stopGroup = () => {};
  test.afterEach(() => {
    stopGroup();
    stopGroup = () => {};
  });

  test("two workers serve, a killed worker is replaced, SIGTERM stops all", async () => {
    test.setTimeout(90_000);
    const port = Number(process.env.E2E_PORT ?? 3210) + 60;
    const base = `http://127.0.0.1:${port}`;
    // Its own process group, so that the cleanup below can stop the launcher and its workers together.
    const launcher = spawn(process.execPath, ["scripts/start-server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "production",
        WEB_CONCURRENCY: "2",
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "x".repeat(32),
        SEED_DEMO: "false",
      },
    });
    stopGroup = () => {
      if (launcher.exitCode === null && launcher.signalCode === null) process.kill(-launcher.pid!, "SIGKILL");
    };
    let output = "";
    launcher.stdout.on("data", (d) => (output += d));
    launcher.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => launcher.on("exit", (code) => resolve(code)));
    await expect.poll(() => health(base), { timeout: 60_000 }).toBe(200);
    expect(output).toContain("Konzeptwerk: 2 Server-Prozesse");
    await expect.poll(() => childrenOf(launcher.pid!).length, { timeout: 30_000 }).toBe(2);
    // Both workers migrate under the advisory lock and report a ready database.
    await expect.poll(() => output.match(/Datenbank bereit \(postgres\)/g)?.length ?? 0, { timeout: 30_000 }).toBe(2);
    expect(output.match(/Live-Bearbeitung aktiv \(über Redis abgeglichen\)/g)).toHaveLength(2);

    const [victim, survivor] = childrenOf(launcher.pid!);
    process.kill(victim!, "SIGKILL");
    // Once the primary has noticed (a connection handed to the dying worker in that instant is lost, as with any
    // crash), the other worker answers every request while the replacement starts.
    await expect
      .poll(() => output.includes(`Server-Prozess ${victim} beendet (SIGKILL); ein neuer startet.`), {
        timeout: 30_000,
      })
      .toBe(true);
    for (let i = 0; i < 5; i++) expect(await health(base)).toBe(200);
    await expect.poll(() => childrenOf(launcher.pid!).filter((p) => p !== victim).length, { timeout: 30_000 }).toBe(2);
    expect(childrenOf(launcher.pid!)).toContain(survivor);
    const workers = childrenOf(launcher.pid!);

    launcher.kill("SIGTERM");
    expect(
      await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve("still running after 30 s"), 30_000)),
      ]),
    ).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0), `worker ${pid} still running`).toThrow();
  });
});
