import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import {
  auditEvents,
  concepts,
  consultations,
  mailOutbox,
  notifications,
  organisations,
  storedFiles,
  vorlagen,
} from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { createThread } from "@/lib/comments/create-thread";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { listFassungen } from "@/lib/fassungen/list-fassungen";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";
import { listSectionRevisions } from "@/lib/sections/list-section-revisions";
import { listSynopse } from "@/lib/synopse/list-synopse";
import { changeBeratungsfolge } from "@/lib/workflow/change-beratungsfolge";
import { answerCommitteeQuestion, askCommitteeQuestion } from "@/lib/workflow/committee-questions";
import { takeDeliberationStep } from "@/lib/workflow/deliberation";
import { getReadingRoom, getReadingRoomSynopse } from "@/lib/workflow/get-reading-room";
import { getVorlagePdf } from "@/lib/workflow/get-vorlage";
import { recordOutcome } from "@/lib/workflow/record-outcome";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import { inspectPdf } from "./pdf-inspect";
import { auditHeadFromFile, readAuditHead } from "@/lib/audit/audit-head";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
}, 60_000);
afterAll(async () => database?.cleanup());

async function freshConcept(db: Db, title: string) {
  return db.transaction(async (tx) => seedWelcomePointsConcept(tx, await loadDemoRefs(tx), title));
}

async function submissionInput(db: Db, conceptId: string, reference: string) {
  const folge = await db
    .select()
    .from(consultations)
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(consultations.position);
  return {
    conceptId,
    paperType: "beschlussvorlage" as const,
    reference,
    paperDate: "2022-05-17",
    decisionProposal: "Das Konzept wird beschlossen.",
    financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
    reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    consultations: folge.map((c) => ({
      id: c.id,
      position: c.position,
      role: c.role,
      meetingDate: c.meetingDate,
      submissionDeadline: "",
    })),
  };
}

describe("Vorlage submission and the committee reading room", () => {
  it("submits the released Fassung as an immutable PDF with its SHA-512, sign-offs and a Synopse without internal threads", async () => {
    const db = database.db;
    const { conceptId, sectionIds } = await freshConcept(db, "Einreichung Haupttest");
    const [lead, jugendamt, awo, ausschuss] = await Promise.all([
      demoActor(db, "federfuehrung"),
      demoActor(db, "jugendamt"),
      demoActor(db, "awo"),
      demoActor(db, "ausschuss"),
    ]);
    const firstSection = Object.values(sectionIds)[0]!;
    await createThread(db, lead, {
      conceptId,
      sectionId: firstSection,
      body: "GEHEIMINTERN Haushaltsvorbehalt",
      visibility: "verwaltung",
    });
    await createThread(db, awo, {
      conceptId,
      sectionId: firstSection,
      body: "OEFFENTLICHERHINWEIS zu den Öffnungszeiten",
    });

    await expect(submitVorlage(db, lead, await submissionInput(db, conceptId, "AGS/100/2022"))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(getReadingRoom(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await seedReleasedRound(db, conceptId);
    await expect(getReadingRoom(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVorlagePdf(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const input = await submissionInput(db, conceptId, "AGS/100/2022");
    await expect(submitVorlage(db, ausschuss, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitVorlage(db, jugendamt, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitVorlage(db, awo, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitVorlage(db, lead, { ...input, reference: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reference: expect.any(String) },
    });

    const reordered = {
      ...input,
      consultations: input.consultations.map((c, i) => (i === 0 ? { ...c, submissionDeadline: "2022-05-17" } : c)),
    };
    const headBefore = await readAuditHead(db);
    const { sha512 } = await submitVorlage(db, lead, reordered);
    const [file] = await db.select().from(storedFiles).where(eq(storedFiles.conceptId, conceptId));
    expect(file!.sha512).toBe(sha512);
    expect(createHash("sha512").update(file!.content).digest("hex")).toBe(sha512);
    expect(file!.size).toBe(file!.content.length);
    expect(file!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The audit chain's head as committed before the submission, for `audit:verify --head <Vorlage.pdf>`.
    expect(auditHeadFromFile(file!.content)).toEqual(headBefore);
    expect((await verifyAuditChain(db, { anchors: [headBefore!] })).anchors[0]!.problem).toBeNull();
    const [concept] = await db.select().from(concepts).where(eq(concepts.id, conceptId));
    expect(concept!.status).toBe("eingereicht");
    const [folge] = await db
      .select()
      .from(consultations)
      .where(and(eq(consultations.conceptId, conceptId), eq(consultations.position, 1)));
    expect(folge!.submissionDeadline).toBe("2022-05-17");

    const pdf = await inspectPdf(file!.content);
    expect(pdf.text).toContain("Ausgangslage und Auftrag");
    expect(pdf.text).toContain("Verstetigung in der Gemeinwesenarbeit");
    expect(pdf.text).toContain("Mitzeichnung");
    expect(pdf.text).toContain("Raumfrage in Bezirk 1 bis Herbst klären.");
    expect(pdf.text).toContain("AGS/100/2022");
    expect(pdf.text).toContain("OEFFENTLICHERHINWEIS");
    expect(pdf.text).not.toContain("GEHEIMINTERN");

    const actions = (
      await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.conceptId, conceptId))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["vorlage.submitted", "concept.status_changed"]));
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ausschuss.id), eq(notifications.conceptId, conceptId)));
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(`/konzepte/${conceptId}/lesesaal`);
    expect(
      await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "ausschuss@demo.example")),
    ).not.toHaveLength(0);

    // The stored file is the one delivered; the submission cannot be repeated.
    expect((await getVorlagePdf(db, ausschuss, conceptId)).sha512).toBe(sha512);
    await expect(submitVorlage(db, lead, { ...input, reference: "AGS/101/2022" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const room = await getReadingRoom(db, ausschuss, conceptId);
    expect(room.sections).toHaveLength(8);
    const { entries: shown } = await getReadingRoomSynopse(db, ausschuss, conceptId);
    expect(room.synopseCount).toBe(shown.length);
    expect(shown.map((e) => e.text).join(" ")).toContain("OEFFENTLICHERHINWEIS");
    expect(shown.some((e) => e.text.includes("GEHEIMINTERN"))).toBe(false);
    const [stored] = await db
      .select({ snapshot: vorlagen.readingRoomSnapshot })
      .from(vorlagen)
      .where(eq(vorlagen.conceptId, conceptId));
    expect(JSON.stringify(stored!.snapshot)).not.toContain("GEHEIMINTERN");
    expect(room.mayAsk).toBe(true);
    expect((await getReadingRoom(db, jugendamt, conceptId)).mayAnswer).toBe(true);
    await expect(getReadingRoom(db, awo, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getVorlagePdf(db, awo, conceptId)).sha512).toBe(sha512);

    // Committee members never reach drafts, history, Fassungen or the full Synopse.
    await expect(getConceptOverview(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSectionForReading(db, ausschuss, conceptId, firstSection)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listSectionRevisions(db, ausschuss, conceptId, firstSection)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listFassungen(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSynopse(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);

  it("refuses a reference number that is already taken, keeping the concept released", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db, "Einreichung doppelte Nummer");
    await seedReleasedRound(db, conceptId);
    await expect(submitVorlage(db, lead, await submissionInput(db, conceptId, "AGS/100/2022"))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reference: expect.stringContaining("vergeben") },
    });
    expect((await db.select().from(concepts).where(eq(concepts.id, conceptId)))[0]!.status).toBe("freigegeben");
    expect(await db.select().from(storedFiles).where(eq(storedFiles.conceptId, conceptId))).toHaveLength(0);
  }, 30_000);

  it("lets exactly one of five simultaneous submissions through", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db, "Einreichung gleichzeitig");
    await seedReleasedRound(db, conceptId);
    const inputs = await Promise.all([1, 2, 3, 4, 5].map((n) => submissionInput(db, conceptId, `AGS/20${n}/2022`)));
    const results = await Promise.allSettled(inputs.map((i) => submitVorlage(db, lead, i)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("bereits eingereicht"),
      });
    expect(await db.select().from(vorlagen).where(eq(vorlagen.conceptId, conceptId))).toHaveLength(1);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.conceptId, conceptId))).toHaveLength(1);
  }, 60_000);

  it("shows the reading room only to committees of the Beratungsfolge", async () => {
    const db = database.db;
    const [lead, ausschuss] = await Promise.all([demoActor(db, "federfuehrung"), demoActor(db, "ausschuss")]);
    const { conceptId } = await freshConcept(db, "Ohne AGS");
    const [ags] = await db.select().from(organisations).where(eq(organisations.shortName, "AGS"));
    const [jha] = await db.select().from(organisations).where(eq(organisations.shortName, "JHA"));
    const folge = await db.select().from(consultations).where(eq(consultations.conceptId, conceptId));
    const jhaConsultation = folge.find((c) => c.committeeId === jha!.id)!;
    await changeBeratungsfolge(db, lead, {
      op: "remove",
      conceptId,
      consultationId: folge.find((c) => c.committeeId === ags!.id)!.id,
    });
    await changeBeratungsfolge(db, lead, {
      op: "update",
      conceptId,
      consultationId: jhaConsultation.id,
      role: "entscheidung",
      meetingDate: jhaConsultation.meetingDate,
      meetingTime: "14:00",
    });
    await seedReleasedRound(db, conceptId);
    await submitVorlage(db, lead, await submissionInput(db, conceptId, "JHA/001/2022"));
    await expect(getReadingRoom(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVorlagePdf(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(askCommitteeQuestion(db, ausschuss, { conceptId, body: "Darf ich?" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  }, 60_000);

  it("handles Rückfragen, outcomes and the steps to Abgeschlossen", async () => {
    const db = database.db;
    const [lead, jugendamt, awo, ausschuss] = await Promise.all([
      demoActor(db, "federfuehrung"),
      demoActor(db, "jugendamt"),
      demoActor(db, "awo"),
      demoActor(db, "ausschuss"),
    ]);
    const { conceptId } = await freshConcept(db, "Rückfragen und Ergebnisse");
    await seedReleasedRound(db, conceptId);
    await expect(askCommitteeQuestion(db, ausschuss, { conceptId, body: "Zu früh?" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await submitVorlage(db, lead, await submissionInput(db, conceptId, "AGS/300/2022"));

    await expect(askCommitteeQuestion(db, ausschuss, { conceptId, body: "x".repeat(5001) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { body: expect.stringContaining("5 000") },
    });
    await expect(askCommitteeQuestion(db, ausschuss, { conceptId, body: "   " })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(askCommitteeQuestion(db, awo, { conceptId, body: "Träger fragt" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(askCommitteeQuestion(db, lead, { conceptId, body: "Lead fragt" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { questionId } = await askCommitteeQuestion(db, ausschuss, {
      conceptId,
      body: "Wie viele Standorte sind geplant?",
    });
    await expect(
      answerCommitteeQuestion(db, ausschuss, { conceptId, questionId, answer: "Selbst beantwortet" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(answerCommitteeQuestion(db, awo, { conceptId, questionId, answer: "Träger" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await answerCommitteeQuestion(db, jugendamt, { conceptId, questionId, answer: "Zehn, einer je Stadtbezirk." });
    await expect(answerCommitteeQuestion(db, lead, { conceptId, questionId, answer: "Nochmal" })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    const room = await getReadingRoom(db, ausschuss, conceptId);
    expect(room.questions).toMatchObject([
      {
        body: "Wie viele Standorte sind geplant?",
        committee: "AGS",
        answer: "Zehn, einer je Stadtbezirk.",
        answeredByName: "Jonas Weber",
      },
    ]);
    const actions = (
      await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.conceptId, conceptId))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["committee_question.asked", "committee_question.answered"]));

    const folge = await db
      .select()
      .from(consultations)
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(consultations.position);
    await expect(
      recordOutcome(db, ausschuss, {
        conceptId,
        consultationId: folge[0]!.id,
        outcome: "beschlossen",
        outcomeDate: "2022-05-31",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      takeDeliberationStep(db, lead, { conceptId, transition: "complete_deliberation" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("3 Beratungsergebnisse fehlen noch"),
    });
    await expect(takeDeliberationStep(db, lead, { conceptId, transition: "refer_back" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("Kein Ausschuss hat das Konzept zurückverwiesen"),
    });
    await expect(takeDeliberationStep(db, lead, { conceptId, transition: "close" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    for (const [i, c] of folge.entries()) {
      await recordOutcome(db, lead, {
        conceptId,
        consultationId: c.id,
        outcome: i === 2 ? "beschlossen" : "zur_kenntnis_genommen",
        outcomeDate: c.meetingDate,
      });
    }
    await expect(
      takeDeliberationStep(db, jugendamt, { conceptId, transition: "complete_deliberation" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await takeDeliberationStep(db, lead, { conceptId, transition: "complete_deliberation" })).toEqual({
      status: "beraten",
    });
    await expect(
      recordOutcome(db, lead, {
        conceptId,
        consultationId: folge[0]!.id,
        outcome: "vertagt",
        outcomeDate: "2022-06-01",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await takeDeliberationStep(db, lead, { conceptId, transition: "close" })).toEqual({
      status: "abgeschlossen",
    });
    expect((await getReadingRoom(db, ausschuss, conceptId)).folge.map((f) => f.outcome)).toEqual([
      "zur_kenntnis_genommen",
      "zur_kenntnis_genommen",
      "beschlossen",
    ]);
  }, 60_000);

  it("lets the lead refer back after a committee referred the Vorlage back", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db, "Zurückverwiesen");
    await seedReleasedRound(db, conceptId);
    await submitVorlage(db, lead, await submissionInput(db, conceptId, "AGS/400/2022"));
    const [first] = await db
      .select()
      .from(consultations)
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(consultations.position);
    await recordOutcome(db, lead, {
      conceptId,
      consultationId: first!.id,
      outcome: "zurueckverwiesen",
      outcomeDate: "2022-05-31",
    });
    expect(await takeDeliberationStep(db, lead, { conceptId, transition: "refer_back" })).toEqual({
      status: "ueberarbeitung",
    });
    const [withdrawn] = await db.select().from(vorlagen).where(eq(vorlagen.conceptId, conceptId));
    expect(withdrawn!.withdrawnAt).not.toBeNull();

    // After another Mitzeichnung the concept is submitted again, under a new reference; deliberation starts afresh.
    await seedReleasedRound(db, conceptId);
    await submitVorlage(db, lead, await submissionInput(db, conceptId, "AGS/401/2022"));
    const all = await db.select().from(vorlagen).where(eq(vorlagen.conceptId, conceptId));
    expect(all.map((v) => [v.reference, v.withdrawnAt === null]).sort()).toEqual([
      ["AGS/400/2022", false],
      ["AGS/401/2022", true],
    ]);
    const outcomes = await db
      .select({ outcome: consultations.outcome })
      .from(consultations)
      .where(eq(consultations.conceptId, conceptId));
    expect(outcomes.every((o) => o.outcome === null)).toBe(true);
  }, 60_000);

  it("carries Beschlussvorschlag, financial impact and reasoning into the paper; outcomes fit the step; Rückfragen point at a passage", async () => {
    const db = database.db;
    const [lead, ausschuss] = await Promise.all([demoActor(db, "federfuehrung"), demoActor(db, "ausschuss")]);
    const { conceptId, sectionIds } = await freshConcept(db, "Vorlage mit Beschlussvorschlag");
    await seedReleasedRound(db, conceptId);
    const input = await submissionInput(db, conceptId, "AGS/500/2022");

    // Bad input: nothing is stored, each reason in German on its field.
    for (const [change, field, message] of [
      [{ decisionProposal: "  " }, "decisionProposal", "braucht einen Beschlussvorschlag"],
      [{ financialImpact: "" }, "financialImpact", "finanziellen Auswirkungen angeben"],
      [{ reasoning: undefined }, "reasoning", "Begründung angeben"],
      [{ reasoning: "x".repeat(20_001) }, "reasoning", "höchstens 20.000 Zeichen"],
    ] as const) {
      await expect(submitVorlage(db, lead, { ...input, ...change })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { [field]: expect.stringContaining(message) },
      });
    }
    expect(await db.select().from(vorlagen).where(eq(vorlagen.conceptId, conceptId))).toEqual([]);

    await submitVorlage(db, lead, {
      ...input,
      decisionProposal: "Der Ausschuss beschließt das Konzept.\r\nDie Verwaltung setzt es um.",
      financialImpact: "Keine zusätzlichen Kosten.",
      reasoning: "Der Rat hat das Konzept beauftragt.\n\nDie Evaluation liegt vor.",
    });
    const [stored] = await db.select().from(vorlagen).where(eq(vorlagen.conceptId, conceptId));
    expect(stored).toMatchObject({
      decisionProposal: "Der Ausschuss beschließt das Konzept.\nDie Verwaltung setzt es um.",
      financialImpact: "Keine zusätzlichen Kosten.",
      reasoning: "Der Rat hat das Konzept beauftragt.\n\nDie Evaluation liegt vor.",
    });
    const pdf = await inspectPdf((await getVorlagePdf(db, ausschuss, conceptId)).content);
    for (const heading of ["Beschlussvorschlag", "Finanzielle Auswirkungen", "Begründung"])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain("Keine zusätzlichen Kosten.");

    // A Vorberatung recommends; the deciding committee decides.
    const folge = await db
      .select()
      .from(consultations)
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(consultations.position);
    const vorberatung = folge.find((c) => c.role === "vorberatung")!;
    const entscheidung = folge.find((c) => c.role === "entscheidung")!;
    const outcome = (c: typeof vorberatung, value: string) =>
      recordOutcome(db, lead, { conceptId, consultationId: c.id, outcome: value, outcomeDate: c.meetingDate });
    await expect(outcome(vorberatung, "beschlossen")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { outcome: expect.stringContaining("Empfehlung") },
    });
    await expect(outcome(entscheidung, "empfohlen")).rejects.toMatchObject({ code: "VALIDATION" });
    await outcome(vorberatung, "nicht_empfohlen");
    await outcome(entscheidung, "geaendert_beschlossen");

    // A Rückfrage anchored to words of a section of the submitted Fassung.
    const firstSection = Object.values(sectionIds)[0]!;
    const room = await getReadingRoom(db, ausschuss, conceptId);
    const sectionText = room.sections.find((s) => s.sectionId === firstSection)!.text;
    const quote = sectionText.split(/\s+/).slice(2, 6).join(" ");
    await expect(
      askCommitteeQuestion(db, ausschuss, { conceptId, body: "Warum?", sectionId: firstSection, quote: "nirgends" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { quote: expect.stringContaining("nicht in diesem") } });
    await expect(askCommitteeQuestion(db, ausschuss, { conceptId, body: "Warum?", quote })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { sectionId: expect.any(String) },
    });
    await expect(
      askCommitteeQuestion(db, ausschuss, {
        conceptId,
        body: "Warum?",
        sectionId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await askCommitteeQuestion(db, ausschuss, {
      conceptId,
      body: "Was heißt das genau?",
      sectionId: firstSection,
      quote,
    });
    const after = await getReadingRoom(db, ausschuss, conceptId);
    expect(after.questions).toMatchObject([{ body: "Was heißt das genau?", sectionId: firstSection, quote }]);
  });
});
