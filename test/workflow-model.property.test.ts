import fc from "fast-check";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  concepts,
  consultations,
  memberships,
  organisations,
  sections,
  signoffRounds,
  users,
  vorlagen,
} from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import { createThread } from "@/lib/comments/create-thread";
import { AppError } from "@/lib/errors";
import {
  CONCEPT_STATUSES,
  FROZEN_STATUSES,
  SUBMITTED_STATUSES,
  type ConceptStatus,
} from "@/lib/permissions/permissions";
import { createProposal } from "@/lib/proposals/create-proposal";
import { saveSection } from "@/lib/sections/save-section";
import { changeBeratungsfolge } from "@/lib/workflow/change-beratungsfolge";
import { takeDeliberationStep } from "@/lib/workflow/deliberation";
import { fassungContentHash } from "@/lib/workflow/fassung-content-hash";
import { gatherWorkflowFacts, requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";
import { recordOutcome } from "@/lib/workflow/record-outcome";
import { SECTION_STATUS_MOVES, type SectionStatus } from "@/lib/workflow/section-status";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { signOff } from "@/lib/workflow/sign-off";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import { MANUAL_TRANSITIONS, transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept, paragraph } from "./workflow-helpers";

/** lead, Verwaltung author, two Träger, a committee member of the Beratungsfolge, and someone from outside. */
type Who = "federfuehrung" | "jugendamt" | "diakonie" | "awo" | "ausschuss" | "outsider";
const WHO: readonly Who[] = ["federfuehrung", "jugendamt", "diakonie", "awo", "ausschuss", "outsider"];
const SIGNERS = ["federfuehrung", "jugendamt", "diakonie", "awo"] as const;
const RUNS = 8;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const actors = {} as Record<Who, Actor>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  for (const w of WHO.filter((w) => w !== "outsider")) actors[w] = await demoActor(database.db, w);
  const [org] = await database.db
    .insert(organisations)
    .values({ name: "Ordnungsamt", shortName: "Ordnungsamt", kind: "verwaltung" })
    .returning();
  const [user] = await database.db
    .insert(users)
    .values({ name: "Olaf Außen", email: "aussen@test.example" })
    .returning();
  await database.db.insert(memberships).values({ userId: user!.id, organisationId: org!.id });
  actors.outsider = (await loadActor(database.db, user!.id))!;
}, 60_000);
afterAll(async () => database?.cleanup());

/** What the runs did, asserted after all of them: the property must actually exercise the late states. */
const stats = {
  runs: 0,
  reached: new Map<ConceptStatus, number>(),
  frozenWrites: 0,
  frozenWritesRefused: 0,
  attemptsByWho: new Map<Who, number>(),
};

type Real = {
  conceptId: string;
  reached: Set<ConceptStatus>;
  /** Content hash per Mitzeichnung round, as first seen. */
  frozen: Map<string, string>;
  /** Section versions when the concept was last seen entering a frozen state. */
  frozenVersions: Map<string, number> | null;
  /** Reading-room snapshot per Vorlage, as first seen. */
  snapshots: Map<string, string>;
};
type Model = Record<string, never>;

/** Only typed, expected refusals are allowed; anything else (a 500) fails the property. Returns whether it went through. */
async function attempt(who: Who, p: Promise<unknown>): Promise<boolean> {
  stats.attemptsByWho.set(who, (stats.attemptsByWho.get(who) ?? 0) + 1);
  try {
    await p;
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return false;
  }
}

async function statusOf(conceptId: string): Promise<ConceptStatus> {
  return (await database.db.select({ s: concepts.status }).from(concepts).where(eq(concepts.id, conceptId)))[0]!
    .s as ConceptStatus;
}

async function liveSections(conceptId: string) {
  return database.db
    .select()
    .from(sections)
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
}

/**
 * The invariants: a valid status; Mitzeichnung ⇔ exactly one open round; from Mitzeichnung on every section agreed
 * and no section changes; released ⇒ the latest round completed; submitted ⇔ one active Vorlage on the released
 * Fassung with its snapshot; no round's Fassung and no stored snapshot ever changes.
 */
async function checkInvariants(real: Real) {
  const db = database.db;
  const status = await statusOf(real.conceptId);
  real.reached.add(status);
  expect(CONCEPT_STATUSES).toContain(status);
  const rounds = await db
    .select()
    .from(signoffRounds)
    .where(eq(signoffRounds.conceptId, real.conceptId))
    .orderBy(desc(signoffRounds.number));
  expect(rounds.filter((r) => r.status === "open").length).toBe(status === "mitzeichnung" ? 1 : 0);
  if (FROZEN_STATUSES.has(status)) {
    expect((await gatherWorkflowFacts(db, real.conceptId)).sectionsNotAgreed).toBe(0);
    const versions = new Map((await liveSections(real.conceptId)).map((s) => [s.id, s.version]));
    if (!real.frozenVersions) real.frozenVersions = versions;
    expect(versions).toEqual(real.frozenVersions);
  } else {
    real.frozenVersions = null;
  }
  if (status !== "entwurf" && status !== "konsultation" && status !== "ueberarbeitung" && status !== "mitzeichnung")
    expect(rounds[0]?.status).toBe("completed");
  const active = await db
    .select()
    .from(vorlagen)
    .where(and(eq(vorlagen.conceptId, real.conceptId), isNull(vorlagen.withdrawnAt)));
  expect(active.length).toBe(SUBMITTED_STATUSES.has(status) ? 1 : 0);
  if (active[0]) {
    expect(active[0].readingRoomSnapshot).not.toBeNull();
    expect(active[0].fassungId).toBe(rounds.find((r) => r.status === "completed")!.fassungId);
  }
  for (const v of await db.select().from(vorlagen).where(eq(vorlagen.conceptId, real.conceptId))) {
    const json = JSON.stringify(v.readingRoomSnapshot);
    if (!real.snapshots.has(v.id)) real.snapshots.set(v.id, json);
    expect(json).toBe(real.snapshots.get(v.id));
  }
  for (const r of rounds) {
    if (!real.frozen.has(r.id)) real.frozen.set(r.id, r.contentHash);
    expect(r.contentHash).toBe(real.frozen.get(r.id));
    expect(await fassungContentHash(db, r.fassungId)).toBe(r.contentHash);
  }
}

abstract class Cmd implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  abstract act(real: Real): Promise<void>;
  abstract toString(): string;
  async run(_m: Model, real: Real) {
    await this.act(real);
    await checkInvariants(real);
  }
}

class TransitionCmd extends Cmd {
  constructor(
    readonly who: Who,
    readonly transition: (typeof MANUAL_TRANSITIONS)[number],
  ) {
    super();
  }
  async act(real: Real) {
    const before = await statusOf(real.conceptId);
    const ok = await attempt(
      this.who,
      transitionConcept(database.db, actors[this.who], { conceptId: real.conceptId, transition: this.transition }),
    );
    if (ok) expect(this.who).toBe("federfuehrung");
    if (!ok) expect(await statusOf(real.conceptId)).toBe(before);
  }
  toString = () => `${this.who}:${this.transition}`;
}

class SignOffCmd extends Cmd {
  constructor(
    readonly who: Who,
    readonly decision: "zugestimmt" | "abgelehnt",
  ) {
    super();
  }
  async act(real: Real) {
    const [round] = await database.db
      .select()
      .from(signoffRounds)
      .where(and(eq(signoffRounds.conceptId, real.conceptId), eq(signoffRounds.status, "open")));
    const ok = await attempt(
      this.who,
      signOff(database.db, actors[this.who], {
        conceptId: real.conceptId,
        roundId: round?.id ?? "00000000-0000-4000-8000-000000000000",
        contentHash: round?.contentHash ?? "x",
        decision: this.decision,
        remarks: "Grund",
      }),
    );
    if (ok) expect(SIGNERS as readonly string[]).toContain(this.who);
  }
  toString = () => `${this.who}:signOff(${this.decision})`;
}

/** Content writes (save, proposal, comment, section status): in a frozen state every one of them must be refused. */
class ContentWriteCmd extends Cmd {
  constructor(
    readonly who: Who,
    readonly index: number,
    readonly kind: "save" | "proposal" | "comment" | "advance" | "back",
  ) {
    super();
  }
  async act(real: Real) {
    const status = await statusOf(real.conceptId);
    const list = await liveSections(real.conceptId);
    const s = list[this.index % list.length]!;
    const actor = actors[this.who];
    const conceptId = real.conceptId;
    let write: Promise<unknown> | null;
    if (this.kind === "save")
      write = saveSection(database.db, actor, {
        conceptId,
        sectionId: s.id,
        baseVersion: s.version,
        content: paragraph(`Text ${Math.random()}`),
      });
    else if (this.kind === "proposal")
      write = createProposal(database.db, actor, {
        conceptId,
        sectionId: s.id,
        baseVersion: s.version,
        content: paragraph(`Vorschlag ${Math.random()}`),
        reason: "Klarer formuliert.",
      });
    else if (this.kind === "comment")
      write = createThread(database.db, actor, { conceptId, sectionId: s.id, body: "Hinweis zum Abschnitt" });
    else {
      const moves = SECTION_STATUS_MOVES[s.status as SectionStatus];
      const to = this.kind === "back" ? "entwurf" : moves.find((m) => m !== "entwurf");
      write =
        to && moves.includes(to)
          ? setSectionStatus(database.db, actor, { conceptId, sectionId: s.id, from: s.status, to })
          : null;
    }
    if (!write) return;
    const ok = await attempt(this.who, write);
    if (FROZEN_STATUSES.has(status)) {
      stats.frozenWrites++;
      if (!ok) stats.frozenWritesRefused++;
      expect(ok, `${this} in ${status}`).toBe(false);
    }
    if (ok) expect(["federfuehrung", "jugendamt", "diakonie", "awo"]).toContain(this.who);
  }
  toString = () => `${this.who}:section${this.index}.${this.kind}`;
}

class SubmitCmd extends Cmd {
  constructor(readonly who: Who) {
    super();
  }
  async act(real: Real) {
    const ok = await attempt(
      this.who,
      submitVorlage(database.db, actors[this.who], {
        conceptId: real.conceptId,
        paperType: "beschlussvorlage",
        reference: `P/${Math.floor(Math.random() * 1e9)}/2022`,
        paperDate: "2022-05-17",
        decisionProposal: "Das Konzept wird beschlossen.",
        financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
        reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
      }),
    );
    if (ok) expect(this.who).toBe("federfuehrung");
  }
  toString = () => `${this.who}:submit`;
}

class FolgeCmd extends Cmd {
  constructor(
    readonly who: Who,
    readonly op: "update" | "move",
  ) {
    super();
  }
  async act(real: Real) {
    const [first] = await database.db
      .select()
      .from(consultations)
      .where(eq(consultations.conceptId, real.conceptId))
      .orderBy(desc(consultations.position))
      .limit(1);
    if (!first) return;
    const status = await statusOf(real.conceptId);
    const base = { conceptId: real.conceptId, consultationId: first.id };
    // Removing is left out: it could drop the deciding committee and keep runs from reaching submission.
    const input =
      this.op === "update"
        ? {
            ...base,
            op: "update" as const,
            role: first.role,
            meetingDate: first.meetingDate,
            meetingTime: "14:00",
            submissionDeadline: "2022-05-20",
          }
        : { ...base, op: "move" as const, direction: "up" as const };
    const ok = await attempt(this.who, changeBeratungsfolge(database.db, actors[this.who], input));
    if (ok) {
      expect(this.who).toBe("federfuehrung");
      expect(SUBMITTED_STATUSES.has(status)).toBe(false);
    }
  }
  toString = () => `${this.who}:folge.${this.op}`;
}

class OutcomeCmd extends Cmd {
  constructor(
    readonly who: Who,
    readonly outcome: "beschlossen" | "zurueckverwiesen",
  ) {
    super();
  }
  async act(real: Real) {
    const folge = await database.db.select().from(consultations).where(eq(consultations.conceptId, real.conceptId));
    const open = folge.find((c) => !c.outcome) ?? folge[0]!;
    const ok = await attempt(
      this.who,
      recordOutcome(database.db, actors[this.who], {
        conceptId: real.conceptId,
        consultationId: open.id,
        outcome: this.outcome,
        outcomeDate: open.meetingDate,
      }),
    );
    if (ok) expect(this.who).toBe("federfuehrung");
  }
  toString = () => `${this.who}:outcome(${this.outcome})`;
}

/** The lead takes the next step forward, doing what it needs (agreeing sections, gathering sign-offs, outcomes), so runs reach the late states. */
class ProgressCmd extends Cmd {
  constructor(readonly referBack: boolean) {
    super();
  }
  async act(real: Real) {
    const db = database.db;
    const lead = actors.federfuehrung;
    const conceptId = real.conceptId;
    const status = await statusOf(conceptId);
    const step = (transition: (typeof MANUAL_TRANSITIONS)[number]) =>
      attempt("federfuehrung", transitionConcept(db, lead, { conceptId, transition }));
    if (status === "entwurf") await step("open_consultation");
    else if (status === "konsultation") await step("close_consultation");
    else if (status === "ueberarbeitung") {
      for (const s of await liveSections(conceptId)) {
        if (s.status === "entwurf")
          await attempt(
            "federfuehrung",
            setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "entwurf", to: "zur_abstimmung" }),
          );
        if (s.status !== "abgestimmt")
          await attempt(
            "federfuehrung",
            setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "zur_abstimmung", to: "abgestimmt" }),
          );
      }
      await step("start_signoff");
    } else if (status === "mitzeichnung") {
      const [round] = await db
        .select()
        .from(signoffRounds)
        .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")));
      const missing = new Set((await gatherWorkflowFacts(db, conceptId)).missingSignoffs);
      const required = await requiredOrganisations(db, conceptId);
      for (const w of SIGNERS) {
        const org = required.find((o) => actors[w].organisations.some((a) => a.id === o.id));
        if (org && missing.has(org.name))
          await attempt(
            w,
            signOff(db, actors[w], {
              conceptId,
              roundId: round!.id,
              contentHash: round!.contentHash,
              decision: "zugestimmt",
            }),
          );
      }
      await step("release");
    } else if (status === "freigegeben") {
      await attempt(
        "federfuehrung",
        submitVorlage(db, lead, {
          conceptId,
          paperType: "beschlussvorlage",
          reference: `P/${Math.floor(Math.random() * 1e9)}/2022`,
          paperDate: "2022-05-17",
          decisionProposal: "Das Konzept wird beschlossen.",
          financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
          reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
        }),
      );
    } else if (status === "eingereicht") {
      const folge = await db
        .select()
        .from(consultations)
        .where(eq(consultations.conceptId, conceptId))
        .orderBy(asc(consultations.position));
      for (const [i, c] of folge.entries()) {
        // A Vorberatung recommends; the deciding committee decides (lib/workflow/vorlage-schemas.ts).
        const outcome =
          this.referBack && i === 0 ? "zurueckverwiesen" : c.role === "vorberatung" ? "empfohlen" : "beschlossen";
        if (!c.outcome)
          await attempt(
            "federfuehrung",
            recordOutcome(db, lead, { conceptId, consultationId: c.id, outcome, outcomeDate: c.meetingDate }),
          );
      }
      await attempt(
        "federfuehrung",
        takeDeliberationStep(db, lead, {
          conceptId,
          transition: this.referBack ? "refer_back" : "complete_deliberation",
        }),
      );
    } else if (status === "beraten") await step("close");
  }
  toString = () => `federfuehrung:progress${this.referBack ? "(referBack)" : ""}`;
}

const who = fc.constantFrom(...WHO);
/** Weighted so that runs regularly get through Mitzeichnung to submission, with random attempts by everyone on the way. */
const command = fc.oneof(
  { weight: 10, arbitrary: fc.nat(9).map((n) => new ProgressCmd(n < 2)) },
  {
    weight: 3,
    arbitrary: fc.tuple(who, fc.constantFrom(...MANUAL_TRANSITIONS)).map(([w, t]) => new TransitionCmd(w, t)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(who, fc.constantFrom<"zugestimmt" | "abgelehnt">("zugestimmt", "zugestimmt", "zugestimmt", "abgelehnt"))
      .map(([w, d]) => new SignOffCmd(w, d)),
  },
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        who,
        fc.nat(7),
        fc.constantFrom<ContentWriteCmd["kind"]>("save", "proposal", "comment", "advance", "back", "save", "proposal"),
      )
      .map(([w, i, k]) => new ContentWriteCmd(w, i, k)),
  },
  { weight: 1, arbitrary: who.map((w) => new SubmitCmd(w)) },
  {
    weight: 1,
    arbitrary: fc.tuple(who, fc.constantFrom<FolgeCmd["op"]>("update", "move")).map(([w, op]) => new FolgeCmd(w, op)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(who, fc.constantFrom<OutcomeCmd["outcome"]>("beschlossen", "zurueckverwiesen"))
      .map(([w, o]) => new OutcomeCmd(w, o)),
  },
);

describe("workflow model", () => {
  it("random actions by random roles never reach an invalid state and never change a frozen Fassung", async () => {
    await fc.assert(
      // Long enough sequences that most runs get through Mitzeichnung; fc.array still shrinks a failing sequence.
      fc.asyncProperty(fc.array(command, { minLength: 12, maxLength: 20 }), async (cmds) => {
        const { conceptId } = await freshConcept(database.db);
        await setRequiredSignoffs(database.db, actors.federfuehrung, {
          conceptId,
          organisationIds: SIGNERS.map((w) => actors[w].organisations[0]!.id),
        });
        const real: Real = {
          conceptId,
          reached: new Set(["entwurf"]),
          frozen: new Map(),
          frozenVersions: null,
          snapshots: new Map(),
        };
        await fc.asyncModelRun(() => ({ model: {} as Model, real }), cmds);
        stats.runs++;
        for (const s of real.reached) stats.reached.set(s, (stats.reached.get(s) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    const share = (s: ConceptStatus) => (stats.reached.get(s) ?? 0) / stats.runs;
    console.info("workflow model:", {
      runs: stats.runs,
      reached: Object.fromEntries(stats.reached),
      frozenWrites: stats.frozenWrites,
      frozenWritesRefused: stats.frozenWritesRefused,
      attempts: Object.fromEntries(stats.attemptsByWho),
    });
    expect(share("mitzeichnung")).toBeGreaterThanOrEqual(0.3);
    expect(share("freigegeben")).toBeGreaterThanOrEqual(0.2);
    expect(stats.reached.get("eingereicht") ?? 0).toBeGreaterThanOrEqual(1);
    expect(stats.frozenWrites).toBeGreaterThanOrEqual(4);
    expect(stats.frozenWritesRefused).toBe(stats.frozenWrites);
    for (const w of WHO) expect(stats.attemptsByWho.get(w) ?? 0, w).toBeGreaterThan(0);
  }, 240_000);
});
