import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connect";
import { seedDemo } from "@/demo/seed-demo";
import { AppError } from "@/lib/errors";
import {
  ACTOR_KEYS,
  STATES,
  buildMatrixFixture,
  unknownIds,
  type ActorKey,
  type MatrixFixture,
  type State,
} from "./authorization/matrix-fixture";
import {
  MATRIX_PAGES,
  OPARL_PREFIX,
  OUTSIDE_MATRIX,
  apiRequest,
  buildRows,
  type Modules,
  type Row,
} from "./authorization/matrix-rows";
import { listRouteExports, listServerActionExports } from "./authorization/route-inventory";
import { createTestDatabase } from "./test-database";

/**
 * Every server action and route handler × every kind of actor × the concept states where rules differ. The actions
 * and handlers themselves run (their parsing and their service), with Next's request context replaced: the session
 * comes from a stub of next-auth's getToken, so the real getActor() still re-reads the user (a deactivated one is out).
 * Each cell runs in a transaction that is rolled back, so every cell sees the same data.
 */
const state = vi.hoisted(() => ({ db: null as unknown, session: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("next-auth/jwt", async (original) => ({
  ...(await original<typeof import("next-auth/jwt")>()),
  // The decrypted session cookie, as getToken would return it.
  getToken: async () => {
    const s = state.session as { userId?: string; sv?: string; sid?: string } | null;
    return s ? { sub: s.userId, sv: s.sv, sid: s.sid } : null;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));
vi.mock("next-intl/server", async () => (await import("./intl-server-mock")).germanIntlServer());
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => {}, get: () => undefined, getAll: () => [], delete: () => {}, has: () => false }),
  headers: async () => new Headers(),
}));

const ROOT = path.resolve(import.meta.dirname, "..");
const DENIED = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "CONCEPT_FROZEN"]);
const NOT_FOUND_MESSAGE = "Nicht gefunden oder kein Zugriff.";
type Outcome = { code: string; message: string };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MatrixFixture;
let rows: Row[];
const tally = { cells: 0, allowedOk: 0, allowedRefusedByRule: 0, denied: 0 };

beforeAll(async () => {
  const t0 = Date.now();
  database = await createTestDatabase();
  await seedDemo(database.db);
  const t1 = Date.now();
  fixture = await buildMatrixFixture(database.db);
  console.info(`matrix set-up: database ${t1 - t0} ms, fixture ${Date.now() - t1} ms`);
  const modules: Modules = { actions: {}, routes: {}, pages: {} };
  for (const file of MATRIX_PAGES) modules.pages[file] = await import(path.join(ROOT, file));
  for (const { file } of listServerActionExports(ROOT)) modules.actions[file] = await import(path.join(ROOT, file));
  for (const { file } of listRouteExports(ROOT))
    if (!file.startsWith(OPARL_PREFIX)) modules.routes[file] = await import(path.join(ROOT, file));
  rows = buildRows(modules);
}, 240_000);
afterAll(async () => {
  console.info(`authorization matrix: ${JSON.stringify(tally)}`);
  await database?.cleanup();
});

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response) {
      if (result.status < 400) return { code: "ok", message: "" };
      const body = (await result.json().catch(() => ({}))) as { code?: string; message?: string };
      return { code: body.code ?? `HTTP_${result.status}`, message: body.message ?? "" };
    }
    const r = result as { ok?: boolean; code?: string; message?: string } | undefined;
    if (!r || r.ok) return { code: "ok", message: "" };
    return { code: r.code ?? "?", message: r.message ?? "" };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    // Pages: Next's 404 is the page's "not found or no access"; a redirect to sign-in means no valid session.
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"))
      return { code: "NOT_FOUND", message: NOT_FOUND_MESSAGE };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;replace;/anmelden;"))
      return { code: "UNAUTHENTICATED", message: "" };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { code: "ok", message: "" };
    if (error instanceof AppError) return { code: error.code, message: error.message };
    return { code: "THROWN", message: String(error) };
  }
}

const ROLLBACK = new Error("rollback");

/** Runs one call as one actor inside a transaction that is always rolled back. */
async function cell(actor: ActorKey, run: () => Promise<unknown>): Promise<Outcome> {
  let outcome: Outcome = { code: "none", message: "" };
  await database.db
    .transaction(async (tx) => {
      state.db = tx as unknown as Db;
      state.session = fixture.sessions[actor];
      outcome = await outcomeOf(run);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return outcome;
}

/** Actors who cannot see the concept at all in this state must learn nothing: the answer of an unknown id. */
const blind = (a: ActorKey, s: State) =>
  a === "traegerOutside" || a === "committeeOut" || a === "admin" || (a === "committeeIn" && s !== "eingereicht");

describe("authorization matrix", () => {
  it("lists every exported server action and route handler", () => {
    const listed = new Set(rows.map((r) => r.id.replace(/ \(.*\)$/, "")));
    const missing: string[] = [];
    for (const { file, name } of listServerActionExports(ROOT)) {
      const id = `${file}#${name}`;
      if (!listed.has(id) && !(id in OUTSIDE_MATRIX)) missing.push(id);
    }
    for (const { file, name } of listRouteExports(ROOT)) {
      const id = `${file}#${name}`;
      if (!listed.has(id) && !(id in OUTSIDE_MATRIX) && !(file.startsWith(OPARL_PREFIX) && name === "GET"))
        missing.push(id);
    }
    expect(missing, "add these to test/authorization/matrix-rows.ts").toEqual([]);
    expect(rows.length).toBeGreaterThan(50);
  });

  it("runs every row for every actor and state as specified", { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const states = row.scope === "global" ? (["entwurf"] as const) : (row.states ?? STATES);
      for (const s of states) {
        const ids = fixture.ids[s];
        const unknown =
          row.scope === "concept" ? await cell("lead", () => row.call(unknownIds(ids), fixture.global, s)) : null;
        if (unknown && (unknown.code !== "NOT_FOUND" || unknown.message !== NOT_FOUND_MESSAGE))
          wrong.push(`${row.id} [${s}] unknown id → ${unknown.code} ${unknown.message}`);
        for (const actor of ACTOR_KEYS) {
          // Without a valid session nothing else is looked at: one state is enough for these two.
          if ((actor === "anonymous" || actor === "deactivated") && s !== states[0]) continue;
          const got = await cell(actor, () => row.call(ids, fixture.global, s));
          tally.cells++;
          const where = `${row.id} [${row.scope === "global" ? "global" : s}] ${actor}`;
          if (got.code === "INTERNAL" || got.code === "THROWN") {
            wrong.push(`${where} → ${got.code} ${got.message}`);
            continue;
          }
          const allowed = row.allowed(actor, s);
          if (allowed) {
            if (DENIED.has(got.code)) wrong.push(`${where}: expected allowed, got ${got.code} ${got.message}`);
            else if (got.code === "ok") tally.allowedOk++;
            else tally.allowedRefusedByRule++;
            continue;
          }
          tally.denied++;
          if (actor === "anonymous" || actor === "deactivated") {
            if (got.code !== "UNAUTHENTICATED")
              wrong.push(`${where}: expected UNAUTHENTICATED, got ${got.code} ${got.message}`);
          } else if (row.scope === "concept" && blind(actor, s)) {
            if (got.code !== unknown!.code || got.message !== unknown!.message)
              wrong.push(`${where}: expected the unknown-id answer, got ${got.code} ${got.message}`);
          } else if (!DENIED.has(got.code)) {
            wrong.push(`${where}: expected denied, got ${got.code} ${got.message}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(tally.allowedOk).toBeGreaterThan(tally.allowedRefusedByRule);
  });

  it("answers the e2e-only test-support routes with 404 outside the e2e server", async () => {
    vi.stubEnv("KONZEPTWERK_E2E", "");
    try {
      for (const file of Object.keys(OUTSIDE_MATRIX)
        .filter((id) => id.includes("test-support"))
        .map((id) => id.split("#")[0]!)) {
        const mod = (await import(path.join(ROOT, file))) as { POST: (r: Request) => Promise<Response> };
        const response = await mod.POST(
          apiRequest("/api/test-support", "POST", { conceptId: fixture.ids.entwurf.conceptId }),
        );
        expect(response.status, file).toBe(404);
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers an unknown calendar token like an unknown page", async () => {
    const mod = (await import(path.join(ROOT, "app/api/calendar/[token]/route.ts"))) as {
      GET: (r: Request, c: { params: Promise<{ token: string }> }) => Promise<Response>;
    };
    state.db = database.db;
    const response = await mod.GET(apiRequest("/api/calendar/x.ics", "GET"), {
      params: Promise.resolve({ token: "abcdefabcdefabcdefabcdefabcdef.ics" }),
    });
    expect(response.status).toBe(404);
  });
});

describe("state-changing route handlers", () => {
  const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"];
  /** Not guarded by assertSameOrigin, each for its reason. */
  const EXEMPT: Record<string, string> = {
    "app/api/auth/[...nextauth]/route.ts": "next-auth checks its own CSRF token (double-submit cookie) on every POST",
  };
  const FOREIGN: Record<string, string>[] = [
    { origin: "https://angreifer.example", "sec-fetch-site": "cross-site" },
    { origin: "https://angreifer.example" },
    { origin: "null" },
    { "sec-fetch-site": "same-site", origin: "http://sub.127.0.0.1:3250" },
  ];

  it("refuse every foreign Origin, even with a valid session, before reading the body", async () => {
    const ids = fixture.ids.entwurf;
    const targets = listRouteExports(ROOT).filter(
      (r) => STATE_CHANGING.includes(r.name) && !(r.file in EXEMPT) && !r.file.includes("/test-support/"),
    );
    expect(targets.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const { file, name } of targets) {
      const mod = (await import(path.join(ROOT, file))) as Record<
        string,
        (r: Request, c: unknown) => Promise<Response>
      >;
      const params = { conceptId: ids.conceptId, sectionId: ids.sectionId, proposalId: ids.proposalId };
      for (const headers of FOREIGN) {
        const got = await cell("lead", () =>
          mod[name]!(
            apiRequest("/api/x", name, { baseVersion: 1, content: { type: "doc", content: [] }, reason: "x" }, headers),
            { params: Promise.resolve(params) },
          ),
        );
        if (got.code !== "FORBIDDEN" || got.message !== "Anfrage von einer fremden Seite abgelehnt.")
          wrong.push(`${file}#${name} ${JSON.stringify(headers)} → ${got.code}`);
      }
      const same = await cell("lead", () =>
        mod[name]!(apiRequest("/api/x", name, {}), { params: Promise.resolve(params) }),
      );
      if (same.code === "FORBIDDEN") wrong.push(`${file}#${name} refuses its own origin`);
    }
    expect(wrong).toEqual([]);
  });

  it("leave the e2e-only handlers and next-auth as the only exceptions", () => {
    const unguarded = listRouteExports(ROOT)
      .filter((r) => STATE_CHANGING.includes(r.name))
      .filter((r) => !readFileSync(path.join(ROOT, r.file), "utf8").includes("assertSameOrigin(request)"))
      .map((r) => r.file);
    expect(unguarded.filter((f) => !(f in EXEMPT) && !f.includes("/test-support/"))).toEqual([]);
  });
});
