import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it, vi } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE, isClientAbort, isDatabaseUnavailable, isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { definePublicAction } from "./define-action";
import { jsonRoute } from "./route-handler";

/** A real postgres.js failure: nothing listens on port 1 of loopback. */
async function refusedQueryError(): Promise<unknown> {
  const client = postgres("postgres://postgres@127.0.0.1:1/postgres", {
    max: 1,
    connect_timeout: 2,
    onnotice: () => {},
  });
  try {
    await drizzle({ client }).execute(sql`select 1`);
    throw new Error("expected a refused connection");
  } catch (error) {
    return error;
  } finally {
    await client.end({ timeout: 1 });
  }
}

describe("database unavailable", () => {
  it("recognises a refused connection through drizzle's wrapper, server shutdowns and dropped connections", async () => {
    expect(isDatabaseUnavailable(await refusedQueryError())).toBe(true);
    for (const code of ["57P01", "57P03", "08006", "CONNECTION_ENDED", "CONNECTION_CLOSED", "CONNECT_TIMEOUT"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
      expect(
        isDatabaseUnavailable(new Error("query failed", { cause: Object.assign(new Error("x"), { code }) })),
        code,
      ).toBe(true);
    }
    // A socket error of the database connection (libuv names the system call).
    expect(
      isDatabaseUnavailable(
        new Error("query failed", {
          cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" }),
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED", syscall: "connect" })]),
      ),
    ).toBe(true);
  });

  it("does not take a browser that went away mid-request for a database outage", async () => {
    const aborted = await new Promise<unknown>((resolve) => {
      const server = http.createServer((req) => {
        req.on("error", (error) => {
          server.close();
          resolve(error);
        });
        req.resume();
      });
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        const client = http.request({ host: "127.0.0.1", port, method: "POST", headers: { "content-length": "1000" } });
        client.on("error", () => {});
        client.write("partial", () => setTimeout(() => client.destroy(), 50));
      });
    });
    expect(aborted).toMatchObject({ code: "ECONNRESET" });
    expect(isDatabaseUnavailable(aborted)).toBe(false);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: aborted }))).toBe(false);
    expect(isClientAbort(aborted)).toBe(true);
    // A JSON route answers it quietly: no "unexpected error" in the log, nothing stored.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await jsonRoute(async () => {
        throw aborted;
      })();
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, code: "ABORTED" });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("leaves real bugs and constraint violations alone", () => {
    const unique = Object.assign(new Error("duplicate"), { code: "23505" });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    // A database socket reset (with syscall) is an outage, not a browser that left.
    expect(isClientAbort(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" }))).toBe(
      false,
    );
    expect(isClientAbort(new TypeError("bug"))).toBe(false);
  });

  it("answers 503 with Retry-After and a German message from JSON routes; other failures stay 500", async () => {
    const error = await refusedQueryError();
    const response = await jsonRoute(async () => {
      throw error;
    })();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ ok: false, code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
    const bug = await jsonRoute(async () => {
      throw new TypeError("bug");
    })();
    expect(bug.status).toBe(500);
    const typed = await jsonRoute(async () => {
      throw new AppError("SECTION_STALE", "appError.section.stale");
    })();
    expect(typed.status).toBe(409);
  });

  it("gives server actions the result code UNAVAILABLE", async () => {
    const error = await refusedQueryError();
    expect(
      await definePublicAction({
        input: () => ({}),
        run: async () => {
          throw error;
        },
      })(null, new FormData()),
    ).toEqual({ ok: false, code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: {} });
  });
});
