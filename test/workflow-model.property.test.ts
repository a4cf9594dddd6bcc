import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concepts, sections, signoffRounds } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed-demo";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { saveSection } from "@/lib/sections/save-section";
import { fassungContentHash } from "@/lib/workflow/fassung-content-hash";
import { gatherWorkflowFacts } from "@/lib/workflow/gather-workflow-facts";
import { SECTION_STATUS_MOVES, type SectionStatus } from "@/lib/workflow/section-status";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { signOff } from "@/lib/workflow/sign-off";
import { MANUAL_TRANSITIONS, transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept, paragraph } from "./workflow-helpers";

type Who = "federfuehrung" | "jugendamt" | "diakonie" | "awo";
const WHO: readonly Who[] = ["federfuehrung", "jugendamt", "diakonie", "awo"];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const actors = {} as Record<Who, Actor>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  for (const w of WHO) actors[w] = await demoActor(database.db, w);
});
afterAll(async () => database?.cleanup());

type Real = { conceptId: string; frozen: Map<string, string> };
type Model = Record<string, never>;

/** Only typed, expected refusals are allowed; anything else (a 500) fails the property. */
async function tolerate(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** The invariants: a valid status, Mitzeichnung ⇔ exactly one open round, released ⇒ all signed, every round's Fassung unchanged. */
async function checkInvariants(real: Real) {
  const db = database.db;
  const [concept] = await db.select({ status: concepts.status }).from(concepts).where(eq(concepts.id, real.conceptId));
  const rounds = await db.select().from(signoffRounds).where(eq(signoffRounds.conceptId, real.conceptId));
  const open = rounds.filter((r) => r.status === "open");
  expect(open.length).toBe(concept!.status === "mitzeichnung" ? 1 : 0);
  expect(["entwurf", "konsultation", "ueberarbeitung", "mitzeichnung", "freigegeben"]).toContain(concept!.status);
  if (concept!.status === "mitzeichnung" || concept!.status === "freigegeben") {
    const facts = await gatherWorkflowFacts(db, real.conceptId);
    expect(facts.sectionsNotAgreed).toBe(0);
  }
  if (concept!.status === "freigegeben") expect(rounds.filter((r) => r.status === "completed")).toHaveLength(1);
  for (const r of rounds) {
    if (!real.frozen.has(r.id)) real.frozen.set(r.id, r.contentHash);
    expect(r.contentHash).toBe(real.frozen.get(r.id));
    expect(await fassungContentHash(db, r.fassungId)).toBe(r.contentHash);
  }
}

class TransitionCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Who, readonly transition: (typeof MANUAL_TRANSITIONS)[number]) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    const before = (await database.db.select({ s: concepts.status }).from(concepts).where(eq(concepts.id, real.conceptId)))[0]!.s;
    let ok = true;
    await tolerate(transitionConcept(database.db, actors[this.who], { conceptId: real.conceptId, transition: this.transition }).catch((e) => ((ok = false), Promise.reject(e))));
    if (ok) expect(this.who).toBe("federfuehrung");
    const after = (await database.db.select({ s: concepts.status }).from(concepts).where(eq(concepts.id, real.conceptId)))[0]!.s;
    if (!ok) expect(after).toBe(before);
    await checkInvariants(real);
  }
  toString = () => `${this.who}:${this.transition}`;
}

class SignOffCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Who, readonly decision: "zugestimmt" | "abgelehnt") {}
  check = () => true;
  async run(_m: Model, real: Real) {
    const [round] = await database.db.select().from(signoffRounds).where(and(eq(signoffRounds.conceptId, real.conceptId), eq(signoffRounds.status, "open")));
    if (round) await tolerate(signOff(database.db, actors[this.who], { conceptId: real.conceptId, roundId: round.id, contentHash: round.contentHash, decision: this.decision, remarks: "Grund" }));
    await checkInvariants(real);
  }
  toString = () => `${this.who}:signOff(${this.decision})`;
}

class SectionCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Who, readonly index: number, readonly kind: "advance" | "back" | "save") {}
  check = () => true;
  async run(_m: Model, real: Real) {
    const list = await database.db.select().from(sections).where(eq(sections.conceptId, real.conceptId)).orderBy(sections.position);
    const s = list[this.index % list.length]!;
    const actor = actors[this.who];
    if (this.kind === "save") {
      await tolerate(saveSection(database.db, actor, { conceptId: real.conceptId, sectionId: s.id, baseVersion: s.version, content: paragraph(`Text ${Math.random()}`) }));
    } else {
      const moves = SECTION_STATUS_MOVES[s.status as SectionStatus];
      const to = this.kind === "back" ? "entwurf" : moves.find((m) => m !== "entwurf");
      if (to && moves.includes(to)) await tolerate(setSectionStatus(database.db, actor, { conceptId: real.conceptId, sectionId: s.id, from: s.status, to }));
    }
    await checkInvariants(real);
  }
  toString = () => `${this.who}:section${this.index}.${this.kind}`;
}

/** The lead agrees all sections in one go, so random runs actually reach Mitzeichnung. */
class AgreeAllCmd implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_m: Model, real: Real) {
    for (let i = 0; i < 8; i++) for (let k = 0; k < 2; k++) await new SectionCmd("federfuehrung", i, "advance").run({} as Model, real);
  }
  toString = () => "federfuehrung:agreeAll";
}

const who = fc.constantFrom(...WHO);
const commands = [
  fc.tuple(fc.constantFrom<Who>("federfuehrung", "federfuehrung", "awo"), fc.constantFrom(...MANUAL_TRANSITIONS)).map(([w, t]) => new TransitionCmd(w, t)),
  fc.tuple(who, fc.constantFrom<"zugestimmt" | "abgelehnt">("zugestimmt", "zugestimmt", "zugestimmt", "abgelehnt")).map(([w, d]) => new SignOffCmd(w, d)),
  fc.tuple(who, fc.nat(7), fc.constantFrom<"advance" | "back" | "save">("advance", "back", "save")).map(([w, i, k]) => new SectionCmd(w, i, k)),
  fc.constant(new AgreeAllCmd()),
];

describe("workflow model", () => {
  it("random actions by random roles never reach an invalid state and never change a frozen Fassung", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20 }), async (cmds) => {
        const { conceptId } = await freshConcept(database.db);
        await setRequiredSignoffs(database.db, actors.federfuehrung, { conceptId, organisationIds: WHO.map((w) => actors[w].organisations[0]!.id) });
        await fc.asyncModelRun(() => ({ model: {} as Model, real: { conceptId, frozen: new Map() } }), cmds);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
