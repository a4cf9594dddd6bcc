import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditEvents, concepts, consultations, organisations } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { getConceptPlan } from "@/lib/planning/get-concept-plan";
import { changeBeratungsfolge } from "@/lib/workflow/change-beratungsfolge";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let schulausschuss: string;
let caritas: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [org] = await database.db
    .insert(organisations)
    .values({
      name: "Ausschuss für Schule und Weiterbildung",
      shortName: "SchA",
      kind: "gremium",
      classification: "ausschuss",
    })
    .returning();
  schulausschuss = org!.id;
  caritas = (await database.db.select().from(organisations).where(eq(organisations.shortName, "Caritas")))[0]!.id;
}, 60_000);
afterAll(async () => database?.cleanup());

async function folgeOf(db: Db, conceptId: string) {
  return db
    .select({
      id: consultations.id,
      committee: organisations.shortName,
      position: consultations.position,
      role: consultations.role,
      meetingDate: consultations.meetingDate,
      submissionDeadline: consultations.submissionDeadline,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(asc(consultations.position));
}

describe("the Beratungsfolge editor", () => {
  it("lets the lead add, change, move and remove committees with audit events; the plan follows", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db);
    expect((await folgeOf(db, conceptId)).map((c) => c.committee)).toEqual(["IR", "JHA", "AGS"]);

    const { consultationId } = await changeBeratungsfolge(db, lead, {
      op: "add",
      conceptId,
      committeeId: schulausschuss,
      role: "kenntnisnahme",
      meetingDate: "2022-06-30",
      meetingTime: "16:00",
      submissionDeadline: "2022-06-16",
    });
    let folge = await folgeOf(db, conceptId);
    expect(folge.map((c) => [c.committee, c.position, c.role])).toEqual([
      ["IR", 1, "vorberatung"],
      ["JHA", 2, "vorberatung"],
      ["AGS", 3, "entscheidung"],
      ["SchA", 4, "kenntnisnahme"],
    ]);
    expect(folge[3]!.submissionDeadline).toBe("2022-06-16");

    await changeBeratungsfolge(db, lead, {
      op: "update",
      conceptId,
      consultationId,
      role: "vorberatung",
      meetingDate: "2022-06-15",
      meetingTime: "09:30:00",
      submissionDeadline: "",
    });
    await changeBeratungsfolge(db, lead, { op: "move", conceptId, consultationId, direction: "up" });
    folge = await folgeOf(db, conceptId);
    expect(folge.map((c) => [c.committee, c.position])).toEqual([
      ["IR", 1],
      ["JHA", 2],
      ["SchA", 3],
      ["AGS", 4],
    ]);
    expect(folge[2]).toMatchObject({ role: "vorberatung", meetingDate: "2022-06-15", submissionDeadline: null });
    expect((await db.select().from(consultations).where(eq(consultations.id, consultationId)))[0]!.meetingTime).toBe(
      "09:30:00",
    );

    const ir = folge[0]!.id;
    await changeBeratungsfolge(db, lead, { op: "remove", conceptId, consultationId: ir });
    folge = await folgeOf(db, conceptId);
    expect(folge.map((c) => [c.committee, c.position])).toEqual([
      ["JHA", 1],
      ["SchA", 2],
      ["AGS", 3],
    ]);

    // The plan is derived from the stored Beratungsfolge: the new committee is in it, the removed one is gone.
    const [concept] = await db.select().from(concepts).where(eq(concepts.id, conceptId));
    const plan = await getConceptPlan(db, concept!, "2022-04-01");
    const meetings = plan.milestones.filter((m) => m.kind === "sitzung").map((m) => [m.committee, m.date]);
    expect(meetings).toEqual([
      ["JHA", "2022-06-09"],
      ["SchA", "2022-06-15"],
      ["AGS", "2022-06-23"],
    ]);
    expect(plan.milestones.some((m) => m.committee === "IR")).toBe(false);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.conceptId, conceptId), eq(auditEvents.action, "vorlage.beratungsfolge_changed")))
      .orderBy(asc(auditEvents.seq));
    expect(audit.map((a) => (a.summary as { change: string }).change)).toEqual([
      "added",
      "updated",
      "moved",
      "removed",
    ]);
    expect(audit[0]!.summary).toMatchObject({ committee: "SchA", role: "kenntnisnahme" });
    expect(audit[3]!.summary).toMatchObject({ committee: "IR" });
  }, 60_000);

  it("refuses bad input with German messages and stores nothing", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db);
    const before = await folgeOf(db, conceptId);
    const [jha] = await db.select().from(organisations).where(eq(organisations.shortName, "JHA"));
    const add = {
      op: "add" as const,
      conceptId,
      role: "vorberatung" as const,
      meetingDate: "2022-06-30",
      meetingTime: "14:00",
    };

    await expect(changeBeratungsfolge(db, lead, { ...add, committeeId: jha!.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { committeeId: "JHA ist bereits in der Beratungsfolge." },
    });
    await expect(changeBeratungsfolge(db, lead, { ...add, committeeId: caritas })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { committeeId: "Bitte ein aktives Gremium wählen." },
    });
    await expect(
      changeBeratungsfolge(db, lead, { ...add, committeeId: schulausschuss, submissionDeadline: "2022-07-01" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { submissionDeadline: "Die Vorlagenfrist muss vor der Sitzung liegen." },
    });
    await expect(
      changeBeratungsfolge(db, lead, { ...add, committeeId: schulausschuss, meetingDate: "2022-02-30" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { meetingDate: "Bitte ein gültiges Sitzungsdatum angeben." },
    });
    await expect(
      changeBeratungsfolge(db, lead, { ...add, committeeId: schulausschuss, role: "chef" as "vorberatung" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { role: "Bitte eine Rolle wählen." } });
    for (const meetingTime of ["", "25:00", "14 Uhr", undefined])
      await expect(
        changeBeratungsfolge(db, lead, { ...add, committeeId: schulausschuss, meetingTime: meetingTime as string }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { meetingTime: "Bitte die Uhrzeit der Sitzung angeben (SS:MM)." },
      });
    await expect(
      changeBeratungsfolge(db, lead, { op: "move", conceptId, consultationId: before[0]!.id, direction: "up" }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "IR steht bereits an erster Stelle." });
    await expect(
      changeBeratungsfolge(db, lead, { op: "move", conceptId, consultationId: before[2]!.id, direction: "down" }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "AGS steht bereits an letzter Stelle." });
    await expect(
      changeBeratungsfolge(db, lead, {
        op: "remove",
        conceptId,
        consultationId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // The last committee cannot go.
    await changeBeratungsfolge(db, lead, { op: "remove", conceptId, consultationId: before[0]!.id });
    await changeBeratungsfolge(db, lead, { op: "remove", conceptId, consultationId: before[1]!.id });
    await expect(
      changeBeratungsfolge(db, lead, { op: "remove", conceptId, consultationId: before[2]!.id }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("mindestens einen Ausschuss") });
    expect((await folgeOf(db, conceptId)).map((c) => [c.committee, c.position])).toEqual([["AGS", 1]]);
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.conceptId, conceptId), eq(auditEvents.action, "vorlage.beratungsfolge_changed"))),
    ).toHaveLength(2);
  }, 60_000);

  it("is the lead's alone, and only until submission", async () => {
    const db = database.db;
    const [lead, jugendamt, awo, ausschuss, admin] = await Promise.all([
      demoActor(db, "federfuehrung"),
      demoActor(db, "jugendamt"),
      demoActor(db, "awo"),
      demoActor(db, "ausschuss"),
      demoActor(db, "admin"),
    ]);
    const { conceptId } = await freshConcept(db);
    const folge = await folgeOf(db, conceptId);
    const update = {
      op: "update" as const,
      conceptId,
      consultationId: folge[0]!.id,
      role: "kenntnisnahme" as const,
      meetingDate: "2022-05-31",
      meetingTime: "15:00",
    };
    await expect(changeBeratungsfolge(db, jugendamt, update)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeBeratungsfolge(db, awo, update)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeBeratungsfolge(db, ausschuss, update)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeBeratungsfolge(db, admin, update)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await folgeOf(db, conceptId))[0]!.role).toBe("vorberatung");

    // Editable in every state before submission, including a released concept.
    await seedReleasedRound(db, conceptId);
    await changeBeratungsfolge(db, lead, { ...update, role: "vorberatung", submissionDeadline: "2022-05-17" });
    await submitVorlage(db, lead, {
      conceptId,
      paperType: "beschlussvorlage",
      reference: `AGS/${Math.floor(Math.random() * 1e6)}/2022`,
      paperDate: "2022-05-17",
      decisionProposal: "Das Konzept wird beschlossen.",
      financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
      reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    });
    expect((await folgeOf(db, conceptId))[0]!.submissionDeadline).toBe("2022-05-17");
    await expect(changeBeratungsfolge(db, lead, update)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Beratungsfolge steht fest"),
    });
    await expect(
      changeBeratungsfolge(db, lead, {
        op: "add",
        conceptId,
        committeeId: schulausschuss,
        role: "kenntnisnahme",
        meetingDate: "2022-07-01",
        meetingTime: "15:00",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await folgeOf(db, conceptId)).toHaveLength(3);
  }, 60_000);

  it("checks the Beratungsfolge at submission: a deciding body for a Beschlussvorlage, meetings in order", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const { conceptId } = await freshConcept(db);
    await seedReleasedRound(db, conceptId);
    const folge = await folgeOf(db, conceptId);
    const ags = folge[2]!;
    const submission = {
      conceptId,
      paperType: "beschlussvorlage" as const,
      reference: `JHA/${Math.floor(Math.random() * 1e6)}/2022`,
      paperDate: "2022-05-17",
      decisionProposal: "Das Konzept wird beschlossen.",
      financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
      reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    };

    await changeBeratungsfolge(db, lead, {
      op: "update",
      conceptId,
      consultationId: ags.id,
      role: "kenntnisnahme",
      meetingDate: ags.meetingDate,
      meetingTime: "14:30",
    });
    await expect(submitVorlage(db, lead, submission)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { consultations: expect.stringContaining("Rolle „Entscheidung“") },
    });
    await changeBeratungsfolge(db, lead, {
      op: "update",
      conceptId,
      consultationId: ags.id,
      role: "entscheidung",
      meetingDate: "2022-05-01",
      meetingTime: "14:30",
    });
    await expect(submitVorlage(db, lead, submission)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { consultations: expect.stringContaining("Reihenfolge der Beratungsfolge") },
    });
    expect((await db.select().from(concepts).where(eq(concepts.id, conceptId)))[0]!.status).toBe("freigegeben");

    await changeBeratungsfolge(db, lead, {
      op: "update",
      conceptId,
      consultationId: ags.id,
      role: "entscheidung",
      meetingDate: "2022-06-23",
      meetingTime: "14:30",
    });
    await submitVorlage(db, lead, submission);
    expect((await db.select().from(concepts).where(eq(concepts.id, conceptId)))[0]!.status).toBe("eingereicht");
  }, 60_000);
});
