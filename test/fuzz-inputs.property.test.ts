import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { seedDemo } from "@/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { buildMatrixFixture, type MatrixFixture } from "./authorization/matrix-fixture";
import { OPARL_PREFIX, buildRows, type Modules, type Row } from "./authorization/matrix-rows";
import { listRouteExports, listServerActionExports } from "./authorization/route-inventory";
import { createTestDatabase } from "./test-database";

/**
 * Hostile input into every zod schema, every service that parses its own input, every form action and every
 * concept route handler: the answer is always a typed AppError (never another exception, never a 5xx), and
 * nothing is stored when the input was refused.
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
}));
vi.mock("next-intl/server", async () => (await import("./intl-server-mock")).germanIntlServer());
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => {}, get: () => undefined, getAll: () => [], delete: () => {} }),
  headers: async () => new Headers(),
}));

const ROOT = path.resolve(import.meta.dirname, "..");
/** Runs per input; `FUZZ_RUNS=200 npx vitest run test/fuzz-inputs.property.test.ts` for a deeper search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u007f",
      "\u202e",
      "\u200b",
      "\ufeff",
      "\ud800",
      "\n",
      "\r",
      "<",
      ">",
      '"',
      "'",
      "&",
      "%",
      "a",
    ),
    maxLength: 40,
  }),
  fc.constantFrom(
    "",
    " ",
    "<img src=x onerror=alert(1)>",
    "'; drop table users; --",
    "NaN",
    "-1",
    "1e309",
    "0x10",
    "9007199254740993",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "2022-02-30",
    "true",
    "null",
    "[]",
    "{}",
    ...POLLUTION_KEYS,
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.repeat(Math.ceil(70_000 / s.length))),
);
const hostileKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...POLLUTION_KEYS));
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.anything({
    maxDepth: 3,
    maxKeys: 6,
    key: hostileKey,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withTypedArray: true,
  }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "ja"}, "constructor": {"prototype": {"polluted": "ja"}}}')),
);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MatrixFixture;
let rows: Row[];
let countTables: () => Promise<Record<string, number>>;
const figures: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  fixture = await buildMatrixFixture(database.db);
  const modules: Modules = { actions: {}, routes: {}, pages: {} };
  for (const { file } of listServerActionExports(ROOT)) modules.actions[file] = await import(path.join(ROOT, file));
  for (const { file } of listRouteExports(ROOT))
    if (!file.startsWith(OPARL_PREFIX)) modules.routes[file] = await import(path.join(ROOT, file));
  rows = buildRows(modules);
  const tables = (await database.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown;
  const names = ((tables as { rows?: { table_name: string }[] }).rows ?? (tables as { table_name: string }[]))
    .map((t) => t.table_name)
    .filter((t) => !/throttle|presence|drizzle/.test(t));
  const query = sql.raw(`select ${names.map((n) => `(select count(*)::int from "${n}") as "${n}"`).join(", ")}`);
  countTables = async () => {
    const result = (await (state.db as Db).execute(query)) as unknown;
    return ((result as { rows?: Record<string, number>[] }).rows ?? (result as Record<string, number>[]))[0]!;
  };
}, 240_000);
afterAll(async () => {
  console.info(`fuzzing: ${JSON.stringify(figures)}`);
  await database?.cleanup();
});

const ROLLBACK = new Error("rollback");
type Verdict = { ok: boolean; error?: unknown; changed: string[]; refusedAs?: string };

/** One call as the lead (who passes most checks, so the input reaches the deepest code), rolled back afterwards. */
async function probe(run: () => Promise<unknown>, asActor: keyof MatrixFixture["sessions"] = "lead"): Promise<Verdict> {
  let verdict: Verdict = { ok: false, changed: [] };
  await database.db
    .transaction(async (tx) => {
      state.db = tx as unknown as Db;
      state.session = fixture.sessions[asActor];
      const before = await countTables();
      let ok = false;
      let error: unknown;
      let refusedAs: string | undefined;
      try {
        const result = await run();
        if (result instanceof Response) {
          ok = result.status < 400;
          if (result.status >= 500) error = new Error(`HTTP ${result.status}: ${await result.text()}`);
          else if (!ok) error = new AppError("BAD_REQUEST", "appError.common.malformedRequest");
          if (!ok) refusedAs = `HTTP ${result.status}`;
        } else {
          const r = result as { ok?: boolean; code?: string; message?: string } | undefined;
          ok = !r || r.ok !== false;
          if (!ok)
            error =
              r!.code === "INTERNAL"
                ? new Error(`INTERNAL: ${r!.message}`)
                : new AppError("BAD_REQUEST", "appError.common.malformedRequest");
          if (!ok) refusedAs = r!.code;
        }
      } catch (e) {
        const digest = (e as { digest?: unknown } | null)?.digest;
        if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) ok = true;
        else {
          error = e;
          if (e instanceof AppError) refusedAs = e.code;
        }
      }
      const after = await countTables();
      verdict = { ok, error, refusedAs, changed: Object.keys(after).filter((k) => after[k] !== before[k]) };
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return verdict;
}

/**
 * A refused password change is audited on purpose (a wrong current password). Inside the probe's open
 * transaction the event waits in audit_pending; it would join audit_events at commit.
 */
const AUDITED_REFUSAL = ["audit_pending", "audit_events"];

function assertRefusedCleanly(where: string, v: Verdict, allowedChanges: string[] = []) {
  if (v.ok) return;
  if (!(v.error instanceof AppError))
    throw new Error(`${where}: not an AppError: ${String((v.error as Error)?.stack ?? v.error)}`);
  const changed = v.changed.filter((t) => !allowedChanges.includes(t));
  if (changed.length) throw new Error(`${where}: refused (${v.error.code}) but changed ${changed.join(", ")}`);
}

describe("hostile input", () => {
  it("every zod schema either parses or answers a German VALIDATION error", async () => {
    const files = ["user-schemas", "user-admin-schemas"]
      .map((f) => `lib/users/${f}.ts`)
      .concat([
        "lib/participants/participant-schemas.ts",
        "lib/export/build-export-document.ts",
        "lib/concepts/concept-schemas.ts",
        "lib/workflow/vorlage-schemas.ts",
        "lib/comments/comment-schemas.ts",
        "lib/proposals/proposal-schemas.ts",
        "lib/organisations/organisation-schemas.ts",
      ]);
    let schemas = 0;
    for (const file of files) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!name.startsWith("Z") || !(schema instanceof z.ZodType)) continue;
        schemas++;
        fc.assert(
          fc.property(fc.oneof(hostileValue, fc.dictionary(hostileKey, hostileValue, { maxKeys: 8 })), (input) => {
            try {
              parseOrThrow(schema, input);
            } catch (error) {
              if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
              expect(error.message).toMatch(/[a-zäöü]/);
            }
          }),
          { numRuns: RUNS * 10 },
        );
      }
    }
    expect(schemas).toBeGreaterThan(25);
    figures.schemas = schemas;
    figures.runsPerSchema = RUNS * 10;
  });

  it(
    "every form action: mutated fields, extra and polluting keys → a typed refusal and nothing stored",
    { timeout: 300_000 },
    async () => {
      const forms = rows.filter((r) => r.form);
      expect(forms.length).toBeGreaterThan(40);
      for (const row of forms) {
        const ids = fixture.ids[row.states?.[0] ?? "entwurf"];
        const valid = [...row.form!.of(ids, fixture.global).entries()];
        const mutation = fc.record({
          replace: fc.array(fc.tuple(fc.nat(), hostileString), { minLength: 1, maxLength: 3 }),
          extra: fc.array(fc.tuple(hostileKey, hostileString), { maxLength: 3 }),
          drop: fc.boolean(),
        });
        await fc.assert(
          fc.asyncProperty(mutation, async ({ replace, extra, drop }) => {
            const entries = valid.map(([k, v]) => [k, v] as [string, FormDataEntryValue]);
            for (const [at, value] of replace) if (entries.length) entries[at % entries.length]![1] = value;
            if (drop && entries.length) entries.splice(replace[0]![0] % entries.length, 1);
            const form = new FormData();
            for (const [k, v] of [...entries, ...extra]) form.append(k, v);
            // A wrong current password is recorded for the throttle and the audit trail: that is the point.
            assertRefusedCleanly(
              row.id,
              await probe(() => row.form!.invoke(form)),
              row.id.includes("changePassword") ? AUDITED_REFUSAL : [],
            );
          }),
          { numRuns: RUNS },
        );
      }
      // Found by this property: a NUL in a free-text field reached PostgreSQL (which cannot store it) as a 500.
      for (const row of forms) {
        const ids = fixture.ids[row.states?.[0] ?? "entwurf"];
        const form = new FormData();
        for (const [k, v] of row.form!.of(ids, fixture.global).entries())
          form.append(k, typeof v === "string" && !/^[0-9a-f-]{36}$/.test(v) ? `${v}\u0000x` : v);
        assertRefusedCleanly(
          `${row.id} with NUL`,
          await probe(() => row.form!.invoke(form)),
          row.id.includes("changePassword") ? AUDITED_REFUSAL : [],
        );
      }
      figures.formActions = forms.length;
      figures.runsPerAction = RUNS;
    },
  );

  it(
    "every service that parses its own input: any value → only AppError, nothing stored",
    { timeout: 300_000 },
    async () => {
      const services: [string, (db: Db, actor: never, input: unknown) => Promise<unknown>][] = [];
      const add = async (file: string, ...names: string[]) => {
        const mod = (await import(path.join(ROOT, file))) as Record<
          string,
          (db: Db, actor: never, input: unknown) => Promise<unknown>
        >;
        for (const n of names) services.push([n, mod[n]!]);
      };
      await add("lib/planning/set-planning-settings.ts", "setPlanningSettings");
      await add("lib/notifications/inbox.ts", "markNotificationsRead");
      await add("lib/workflow/set-required-signoffs.ts", "setRequiredSignoffs");
      await add("lib/workflow/deliberation.ts", "takeDeliberationStep");
      await add("lib/workflow/set-section-status.ts", "setSectionStatus");
      await add("lib/workflow/transition-concept.ts", "transitionConcept");
      await add("lib/workflow/committee-questions.ts", "askCommitteeQuestion", "answerCommitteeQuestion");
      await add("lib/workflow/record-outcome.ts", "recordOutcome");
      await add("lib/workflow/sign-off.ts", "signOff");
      await add("lib/comments/resolve-thread.ts", "setThreadResolved");
      await add("lib/comments/reply-to-thread.ts", "replyToThread");
      await add("lib/comments/edit-comment.ts", "editComment", "deleteComment");
      await add("lib/comments/decide-thread.ts", "decideThread");
      await add("lib/comments/create-thread.ts", "createThread");
      await add("lib/proposals/create-proposal.ts", "createProposal");
      await add("lib/proposals/accept-proposal.ts", "acceptProposal");
      await add("lib/proposals/close-proposal.ts", "withdrawProposal", "rejectProposal", "decideProposal");
      await add("lib/workflow/submit-vorlage.ts", "submitVorlage");
      const lead = fixture.actors.lead as never;
      const ids = fixture.ids.entwurf;
      // Half the time the real ids with hostile other fields, so the input gets past the id lookup.
      const input = fc.oneof(
        hostileValue,
        fc.dictionary(hostileKey, hostileValue, { maxKeys: 6 }).map((d) => ({
          ...d,
          conceptId: ids.conceptId,
          sectionId: ids.sectionId,
          threadId: ids.threadId,
          proposalId: ids.proposalId,
          commentId: ids.commentId,
        })),
      );
      for (const [name, service] of services) {
        await fc.assert(
          fc.asyncProperty(input, async (value) => {
            assertRefusedCleanly(name, await probe(() => service(state.db as Db, lead, value)));
          }),
          { numRuns: RUNS },
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      figures.services = services.length;
    },
  );

  it(
    "every concept route handler: arbitrary bodies and query strings → never a 5xx, nothing stored when refused",
    { timeout: 300_000 },
    async () => {
      const routes = rows.filter((r) => r.request);
      expect(routes.length).toBeGreaterThanOrEqual(10);
      const body = fc.oneof(
        hostileString,
        hostileValue.map((v) => {
          try {
            return JSON.stringify(v) ?? "null";
          } catch {
            return "{}";
          }
        }),
        fc.constant('{"__proto__": {"polluted": "ja"}, "baseVersion": 1}'),
        fc.constant(
          `{"baseVersion": 1, "content": ${JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(600_000) }] }] })}}`,
        ),
      );
      const query = fc
        .array(
          fc.tuple(fc.constantFrom("format", "version", "kategorie", "person", "von", "bis", "page"), hostileString),
          { maxLength: 3 },
        )
        .map((pairs) => new URLSearchParams(pairs).toString());
      for (const row of routes) {
        const ids = fixture.ids[row.states?.[0] ?? "entwurf"];
        await fc.assert(
          fc.asyncProperty(body, query, async (b, q) => {
            assertRefusedCleanly(
              `${row.id} body=${b.slice(0, 60)} query=${q.slice(0, 60)}`,
              await probe(() => row.request!(ids, b, q)),
            );
          }),
          { numRuns: RUNS },
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      figures.routes = routes.length;
    },
  );
});

/** Issue 16, finding 5: inputs that reached the database or the stack as a bare 500. Each must be refused cleanly. */
describe("the last 500s", () => {
  const rowById = (suffix: string) => {
    const row = rows.find((r) => r.id.endsWith(suffix));
    if (!row) throw new Error(`no matrix row ${suffix}`);
    return row;
  };
  /** Refused as invalid input: a route's 422, an action's VALIDATION result or a service's VALIDATION error. */
  async function expectRefused(where: string, run: () => Promise<unknown>) {
    const verdict = await probe(run);
    expect(verdict.ok, `${where} went through`).toBe(false);
    assertRefusedCleanly(where, verdict);
    expect(verdict.refusedAs, where).toMatch(/^(HTTP 422|VALIDATION)$/);
  }
  const paragraph = (text: string) => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });

  it("deeply nested JSON bodies answer 422 from every state-changing route handler, nothing stored", async () => {
    const ids = fixture.ids.entwurf;
    const deepArray = `{"baseVersion": ${ids.sectionVersion}, "content": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const deepObject = `{"baseVersion": ${ids.sectionVersion}, "reason": "x", "content": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`;
    // Valid node types all the way down: only a depth limit stops the recursive walks of the editor schema.
    let quote = '{"type":"paragraph","content":[{"type":"text","text":"tief"}]}';
    for (let i = 0; i < 8_000; i++) quote = `{"type":"blockquote","content":[${quote}]}`;
    const deepDoc = `{"baseVersion": ${ids.sectionVersion}, "reason": "x", "content": {"type":"doc","content":[${quote}]}}`;
    const posts = rows.filter((r) => r.request && /#POST$/.test(r.id) && !/presence/.test(r.id));
    expect(posts.length).toBeGreaterThanOrEqual(4);
    for (const row of posts)
      for (const [name, body] of Object.entries({ deepArray, deepObject, deepDoc }))
        await expectRefused(`${row.id} ${name}`, () => row.request!(ids, body, ""));
  });

  it("a lone UTF-16 surrogate in section text, a proposal or a comment is refused with a German message", async () => {
    const ids = fixture.ids.entwurf;
    // JSON.stringify writes the lone surrogate as the escape \ud800, as a hand-made request would.
    const body = JSON.stringify({ baseVersion: Number(ids.sectionVersion), content: paragraph("Text\ud800mit Rest") });
    expect(body).toContain("\\ud800");
    await expectRefused("save", () => rowById("revisions/route.ts#POST").request!(ids, body, ""));
    await expectRefused("proposal", () =>
      rowById("sections/[sectionId]/proposals/route.ts#POST").request!(
        ids,
        JSON.stringify({ baseVersion: Number(ids.sectionVersion), content: paragraph("Neu\udfff"), reason: "Besser" }),
        "",
      ),
    );
    const { createThread } = await import("@/lib/comments/create-thread");
    const lead = fixture.actors.lead!;
    await expectRefused("comment", () =>
      createThread(state.db as Db, lead, { conceptId: ids.conceptId, sectionId: ids.sectionId, body: "Hallo \ud83d" }),
    );
    const verdict = await probe(() => createThread(state.db as Db, lead, { ...ids, body: "Gut so 👍" }));
    expect(verdict.ok, "a paired surrogate (an emoji) is fine").toBe(true);
  });

  it("text of only zero-width characters counts as empty; single-line fields refuse line breaks", async () => {
    const ids = fixture.ids.entwurf;
    const invisible = "\u200b\u200c\u200d\u2060\ufeff\u00ad \u3164";
    const cases: [string, Record<string, string>][] = [
      ["comment-actions.ts#createThreadAction", { body: invisible }],
      ["comment-actions.ts#replyAction", { body: "\u200b\u200b" }],
      ["gliederung/actions.ts#addSectionAction", { title: invisible }],
      ["gliederung/actions.ts#addSectionAction", { title: "Erste Zeile\nZweite Zeile" }],
      ["gliederung/actions.ts#renameSectionAction", { title: "Titel\u2028mit Trenner" }],
      ["fassungen/actions.ts#createFassungAction", { name: "\u200b" }],
      ["fassungen/actions.ts#createFassungAction", { name: "Fassung\r\n1" }],
      ["neu/actions.ts#createConceptAction", { title: "\u2060\u200b" }],
      ["neu/actions.ts#createConceptAction", { title: "Konzept\nmit Umbruch" }],
      ["neu/actions.ts#createConceptAction", { mandateReference: "RAT/1\n/2026" }],
      ["organisationen/actions.ts#createOrganisationAction", { name: "Träger\nNeu" }],
      ["organisationen/actions.ts#createOrganisationAction", { shortName: "\u200d" }],
      ["profil/actions.ts#updateProfileAction", { name: "Erika\nMustermann" }],
    ];
    for (const [suffix, replace] of cases) {
      const row = rowById(suffix);
      const form = new FormData();
      for (const [k, v] of row.form!.of(ids, fixture.global).entries()) form.append(k, replace[k] ?? v);
      const verdict = await probe(() => row.form!.invoke(form), suffix.includes("Organisation") ? "admin" : "lead");
      expect(verdict.ok, `${suffix} ${JSON.stringify(replace)} went through`).toBe(false);
      assertRefusedCleanly(suffix, verdict);
      expect(verdict.refusedAs, `${suffix} ${JSON.stringify(replace)}`).toBe("VALIDATION");
    }
  });
});
