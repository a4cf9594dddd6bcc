import { describe, expect, it } from "vitest";
import { workerCount } from "../scripts/start-server.mjs";

describe("workerCount (npm start)", () => {
  const pg = { DATABASE_URL: "postgres://127.0.0.1/x", REDIS_URL: "redis://127.0.0.1:6379" };

  it("runs one process on PostgreSQL without Redis (live editing keeps a text in one process)", () => {
    expect(workerCount({ DATABASE_URL: pg.DATABASE_URL }, 4)).toBe(1);
    expect(workerCount({ DATABASE_URL: pg.DATABASE_URL, WEB_CONCURRENCY: "3" }, 4)).toBe(1);
  });

  it("runs one process per core on PostgreSQL with Redis unless WEB_CONCURRENCY says otherwise", () => {
    expect(workerCount(pg, 2)).toBe(2);
    expect(workerCount(pg, 8)).toBe(8);
    expect(workerCount({ ...pg, WEB_CONCURRENCY: "3" }, 2)).toBe(3);
    expect(workerCount({ ...pg, WEB_CONCURRENCY: " 1 " }, 2)).toBe(1);
  });

  it("runs one process on embedded PGlite, whatever is asked", () => {
    expect(workerCount({}, 4)).toBe(1);
    expect(workerCount({ DATABASE_URL: "" }, 4)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "4" }, 4)).toBe(1);
  });

  it("refuses a WEB_CONCURRENCY that is not a whole number from 1, with a German message", () => {
    for (const bad of ["0", "-2", "1.5", "zwei"]) {
      expect(() => workerCount({ ...pg, WEB_CONCURRENCY: bad }, 2)).toThrow(
        /WEB_CONCURRENCY muss eine ganze Zahl ab 1 sein/,
      );
    }
  });
});
