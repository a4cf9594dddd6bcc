import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/fixtures";

test.describe("embedded database lock @smoke", () => {
  test.skip(!!process.env.DATABASE_URL, "only for the embedded PGlite database");

  test("a second process on the same PGLITE_DIR is refused and touches nothing", async ({ request }) => {
    const port = process.env.E2E_PORT ?? "3210";
    const { PGLITE_DIR } = JSON.parse(
      fs.readFileSync(path.join(os.tmpdir(), `konzeptwerk-e2e-${port}.env.json`), "utf8"),
    ) as { PGLITE_DIR: string };
    const before = fs.readdirSync(PGLITE_DIR).sort();
    const second = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(Number(port) + 50), "-H", "127.0.0.1"],
      {
        env: { ...process.env, NODE_ENV: "production", PGLITE_DIR, NEXTAUTH_SECRET: "x".repeat(32) },
      },
    );
    let output = "";
    second.stdout.on("data", (d) => (output += d));
    second.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        second.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      second.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toContain(
      `Der Datenbankordner ${path.resolve(PGLITE_DIR)} wird bereits von einem anderen Prozess verwendet`,
    );
    expect(output).toMatch(/PID \d+/);
    expect(fs.readdirSync(PGLITE_DIR).sort()).toEqual(before);
    // The first server still answers.
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});
