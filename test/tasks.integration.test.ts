import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  committeeQuestions,
  concepts,
  mailOutbox,
  memberships,
  notifications,
  organisations,
  sections,
  sectionSuggestions,
  signoffDeputies,
  signoffs,
} from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { demoEmail } from "@/demo/welcome-points";
import type { Actor } from "@/lib/auth/load-actor";
import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { createProposal } from "@/lib/proposals/create-proposal";
import { nameDeputy, removeDeputy } from "@/lib/organisations/signoff-deputies";
import { setPlanningSettings } from "@/lib/planning/set-planning-settings";
import { countMyOpenTasks, countOpenTasks, listMyTasks, questionDueDate, sortTasks } from "@/lib/tasks/list-my-tasks";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { setSectionsStatus } from "@/lib/workflow/set-sections-status";
import { signOff } from "@/lib/workflow/sign-off";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { agreeAllSections, freshConcept, paragraph } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: Actor, awo: Actor, diakonie: Actor, caritas: Actor, ausschuss: Actor, admin: Actor;
let caritasOrg: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  lead = await demoActor(database.db, "federfuehrung");
  awo = await demoActor(database.db, "awo");
  diakonie = await demoActor(database.db, "diakonie");
  caritas = await demoActor(database.db, "caritas");
  ausschuss = await demoActor(database.db, "ausschuss");
  admin = await demoActor(database.db, "admin");
  caritasOrg = caritas.organisations[0]!.id;
});
afterAll(async () => database?.cleanup());

const TODAY = "2022-03-15";

/** The header counts in the database what the task list loads: both must give the same number for everyone. */
async function expectHeaderCountsAsList(actors: Actor[]) {
  for (const actor of actors) {
    const listed = countOpenTasks(await listMyTasks(database.db, actor, TODAY));
    expect({ who: actor.name, open: await countMyOpenTasks(database.db, actor) }).toEqual({
      who: actor.name,
      open: listed,
    });
  }
}
const statusOf = async (conceptId: string) =>
  (await database.db.select({ s: concepts.status }).from(concepts).where(eq(concepts.id, conceptId)))[0]!.s;

async function readyForSignoff() {
  const db = database.db;
  const { conceptId } = await freshConcept(db);
  await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
  await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
  await agreeAllSections(db, lead, conceptId);
  return conceptId;
}

describe("checks before the Mitzeichnung", () => {
  it("refuses the start while a required organisation has nobody who may sign, naming it; a deputy clears it", async () => {
    const db = database.db;
    const conceptId = await readyForSignoff();
    await db.update(memberships).set({ maySignOff: false }).where(eq(memberships.organisationId, caritasOrg));
    try {
      await expect(transitionConcept(db, lead, { conceptId, transition: "start_signoff" })).rejects.toMatchObject({
        code: "VALIDATION",
        message:
          "„Mitzeichnung starten“ ist noch nicht möglich: Für Caritasverband Düsseldorf kann niemand mitzeichnen (keine aktive Person mit Zeichnungsrecht oder Vertretung).",
      });
      expect(await statusOf(conceptId)).toBe("ueberarbeitung");

      // Nobody but an admin or Caritas' own signers names a deputy: not another Träger, not a plain member.
      await expect(nameDeputy(db, awo, { organisationId: caritasOrg, email: demoEmail("awo") })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const caritasWithoutRight = await demoActor(db, "caritas");
      await expect(
        nameDeputy(db, caritasWithoutRight, { organisationId: caritasOrg, email: demoEmail("awo") }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      // Bad input: a German message, nothing stored.
      await expect(nameDeputy(db, admin, { organisationId: caritasOrg, email: "kein-name" })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { email: "Bitte eine gültige E-Mail-Adresse angeben." },
      });
      await expect(
        nameDeputy(db, admin, { organisationId: caritasOrg, email: "niemand@example.org" }),
      ).rejects.toMatchObject({ message: "Unter dieser E-Mail-Adresse gibt es keine aktive Person." });
      expect(await db.select().from(signoffDeputies)).toEqual([]);

      expect(await nameDeputy(db, admin, { organisationId: caritasOrg, email: demoEmail("awo") })).toEqual({
        name: "Deniz Aydın",
      });
      await expect(
        nameDeputy(db, admin, { organisationId: caritasOrg, email: demoEmail("awo").toUpperCase() }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: "Deniz Aydın kann für Caritasverband Düsseldorf bereits mitzeichnen.",
      });

      await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
      expect(await statusOf(conceptId)).toBe("mitzeichnung");

      // Every signer, the deputy included, is asked — in the inbox and by mail — with the deadline.
      const deniz = await demoActor(db, "awo");
      const asked = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.conceptId, conceptId), eq(notifications.kind, "signoff_requested")));
      const denizNotices = asked.filter((n) => n.userId === deniz.id);
      expect(denizNotices.map((n) => n.body).sort()).toEqual([
        expect.stringContaining("für AWO Düsseldorf bis"),
        expect.stringContaining("für Caritasverband Düsseldorf bis"),
      ]);
      expect(denizNotices[0]!.title).toMatch(/^Bitte um Mitzeichnung bis \d{2}\.\d{2}\.\d{4}: /);
      expect(asked.some((n) => n.userId === diakonie.id)).toBe(true);
      expect(asked.some((n) => n.userId === lead.id)).toBe(false); // the actor is never told about their own step
      const mails = await db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, demoEmail("awo")));
      expect(mails.some((m) => m.subject.startsWith("Konzeptwerk: Bitte um Mitzeichnung bis"))).toBe(true);

      // Deniz's task list: both sign-offs, with the Mitzeichnung deadline; the committee member has none here.
      const tasks = (await listMyTasks(db, deniz, TODAY)).filter((t) => t.conceptId === conceptId);
      const signTasks = tasks.filter((t) => t.kind === "signOff");
      expect(signTasks.map((t) => t.subject).sort()).toEqual(["AWO Düsseldorf", "Caritasverband Düsseldorf"]);
      expect(signTasks[0]!.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(signTasks[0]!.href).toBe(`/konzepte/${conceptId}/mitzeichnung`);
      expect((await listMyTasks(db, ausschuss, TODAY)).filter((t) => t.conceptId === conceptId)).toEqual([]);

      // The deputy signs for Caritas: recorded as a deputy's sign-off, and the task is gone.
      const overview = await import("@/lib/workflow/get-signoff-overview");
      const { openRound } = await overview.getSignoffOverview(db, deniz, conceptId);
      await signOff(db, deniz, {
        conceptId,
        roundId: openRound!.id,
        contentHash: openRound!.contentHash,
        organisationId: caritasOrg,
        decision: "zugestimmt",
      });
      const [signed] = await db.select().from(signoffs).where(eq(signoffs.organisationId, caritasOrg));
      expect(signed).toMatchObject({ userId: deniz.id, asDeputy: true });
      const after = (await listMyTasks(db, deniz, TODAY)).filter(
        (t) => t.conceptId === conceptId && t.kind === "signOff",
      );
      expect(after.map((t) => t.subject)).toEqual(["AWO Düsseldorf"]);
      const shown = await overview.getSignoffOverview(db, lead, conceptId);
      expect(shown.openRound!.signoffs.find((s) => s.organisationId === caritasOrg)).toMatchObject({
        userName: "Deniz Aydın",
        asDeputy: true,
      });

      // A Träger may not sign for an organisation it neither belongs to nor deputises for.
      await expect(
        signOff(db, diakonie, {
          conceptId,
          roundId: openRound!.id,
          contentHash: openRound!.contentHash,
          organisationId: awo.organisations[0]!.id,
          decision: "zugestimmt",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });

      await removeDeputy(db, admin, { organisationId: caritasOrg, userId: deniz.id });
      expect(await db.select().from(signoffDeputies)).toEqual([]);
    } finally {
      await db.update(memberships).set({ maySignOff: true }).where(eq(memberships.organisationId, caritasOrg));
    }
  });

  it("refuses the start for an empty section, naming it, and changes nothing", async () => {
    const db = database.db;
    const conceptId = await readyForSignoff();
    await db
      .update(sections)
      .set({ contentText: "  " })
      .where(and(eq(sections.conceptId, conceptId), eq(sections.title, "Finanzierung")));
    await expect(transitionConcept(db, lead, { conceptId, transition: "start_signoff" })).rejects.toMatchObject({
      message: expect.stringContaining("Der Abschnitt „Finanzierung“ ist leer"),
    });
    expect(await statusOf(conceptId)).toBe("ueberarbeitung");
  });
});

describe("reminder setting", () => {
  it("lets the lead set the reminder days per concept; bad input is refused in German and nothing is stored", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    const base = { conceptId, submissionLeadDays: 14, signoffDays: 10, revisionDays: 14 };
    await expect(setPlanningSettings(db, lead, { ...base, reminderDays: 25 })).rejects.toMatchObject({
      fieldErrors: { reminderDays: "Erinnerungen: zwischen 0 und 20 Arbeitstagen (0: nur am Tag der Frist)." },
    });
    await expect(setPlanningSettings(db, awo, { ...base, reminderDays: 5 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const stored = async () =>
      (await db.select({ d: concepts.reminderDays }).from(concepts).where(eq(concepts.id, conceptId)))[0]!.d;
    expect(await stored()).toBe(3);
    await setPlanningSettings(db, lead, { ...base, reminderDays: "5" });
    expect(await stored()).toBe(5);
  });
});

describe("blocking objections", () => {
  it("keeps a section from being agreed while a blocking comment is open; the lead closes a Träger's only with an Abwägung", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    const [section] = await db.select().from(sections).where(eq(sections.conceptId, conceptId)).limit(1);
    const { threadId } = await createThread(db, awo, {
      conceptId,
      sectionId: section!.id,
      body: "So können wir nicht mitzeichnen.",
      blocking: true,
    });
    await setSectionStatus(db, lead, { conceptId, sectionId: section!.id, from: "entwurf", to: "zur_abstimmung" });
    await expect(
      setSectionStatus(db, lead, { conceptId, sectionId: section!.id, from: "zur_abstimmung", to: "abgestimmt" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Der Abschnitt kann nicht als abgestimmt markiert werden: 1 blockierende Diskussion ist noch offen.",
    });
    await expect(setThreadResolved(db, lead, { threadId }, true)).rejects.toMatchObject({
      message:
        "Ein blockierender Kommentar eines Trägers wird erst geschlossen, wenn die Abwägung mit Entscheidung und Begründung erfasst ist.",
    });
    await decideThread(db, lead, { threadId, decision: "teilweise_uebernommen", reason: "Öffnungszeiten ergänzt." });
    await setThreadResolved(db, lead, { threadId }, true);
    await setSectionStatus(db, lead, { conceptId, sectionId: section!.id, from: "zur_abstimmung", to: "abgestimmt" });
    const [after] = await db.select().from(sections).where(eq(sections.id, section!.id));
    expect(after!.status).toBe("abgestimmt");
  });
});

describe("sections in one step", () => {
  it("moves every section the lead can move, each audited; refuses agreement over an open blocking comment; only the lead", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    await expect(setSectionsStatus(db, awo, { conceptId, to: "zur_abstimmung" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await setSectionsStatus(db, lead, { conceptId, to: "zur_abstimmung" })).toEqual({ moved: 8 });
    const audited = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.conceptId, conceptId), eq(auditEvents.action, "section.status_changed")));
    expect(audited).toHaveLength(8);
    const [section] = await db.select().from(sections).where(eq(sections.conceptId, conceptId)).limit(1);
    await createThread(db, awo, { conceptId, sectionId: section!.id, body: "Einspruch", blocking: true });
    await expect(setSectionsStatus(db, lead, { conceptId, to: "abgestimmt" })).rejects.toMatchObject({
      message: `Nicht als abgestimmt markiert: In „${section!.title}“ ist noch eine blockierende Diskussion offen. Es wurde nichts geändert.`,
    });
    const statuses = await db.select({ s: sections.status }).from(sections).where(eq(sections.conceptId, conceptId));
    expect(statuses.every((r) => r.s === "zur_abstimmung")).toBe(true);
  });
});

describe("Meine Aufgaben and the lead's notices", () => {
  it("tells the lead about a comment on a section another organisation owns and lists it for the Abwägung", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    const [awoSection] = await db
      .select()
      .from(sections)
      .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
      .where(and(eq(sections.conceptId, conceptId), like(organisations.name, "AWO%")));
    const { threadId } = await createThread(db, diakonie, {
      conceptId,
      sectionId: awoSection!.sections.id,
      body: "Bitte die Öffnungszeiten ergänzen.",
    });
    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, lead.id), eq(notifications.kind, "lead_activity")));
    expect(notice).toMatchObject({ conceptId, title: `Neuer Kommentar zu „${awoSection!.sections.title}“` });
    expect(notice!.link).toContain(threadId);
    const tasks = (await listMyTasks(db, lead, TODAY)).filter((t) => t.conceptId === conceptId);
    expect(tasks.find((t) => t.kind === "weighComment")).toMatchObject({
      subject: awoSection!.sections.title,
      href: expect.stringContaining(`thread=${threadId}`),
    });
    // A Träger weighs nothing.
    expect((await listMyTasks(db, awo, TODAY)).filter((t) => t.kind === "weighComment")).toEqual([]);
  });

  it("lists every kind of task from one read: proposals, suggestions, sections to revise and agree, Rückfragen", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    const rows = await db
      .select({
        id: sections.id,
        title: sections.title,
        owner: sections.ownerOrganisationId,
        version: sections.version,
      })
      .from(sections)
      .where(eq(sections.conceptId, conceptId));
    const awoOrg = awo.organisations[0]!.id;
    const diakonieOrg = diakonie.organisations[0]!.id;
    const awoSection = rows.find((r) => r.owner === awoOrg)!;
    const diakonieSection = rows.find((r) => r.owner === diakonieOrg)!;
    const { proposalId } = await createProposal(db, diakonie, {
      conceptId,
      sectionId: awoSection.id,
      baseVersion: awoSection.version,
      content: paragraph("Neu gefasst."),
      reason: "Klarer.",
    });
    await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
    await db.insert(sectionSuggestions).values(
      ["s-1", "s-2"].map((id) => ({
        id: `${conceptId}-${id}`,
        conceptId,
        sectionId: diakonieSection.id,
        authorId: awo.id,
        authorOrganisationId: awoOrg,
        kind: "insertion" as const,
        insertedText: "ergänzt",
      })),
    );
    const leadSection = rows.find((r) => r.owner === lead.organisations[0]!.id)!;
    await setSectionStatus(db, lead, { conceptId, sectionId: awoSection.id, from: "entwurf", to: "zur_abstimmung" });

    const leadTasks = (await listMyTasks(db, lead, TODAY)).filter((t) => t.conceptId === conceptId);
    expect(leadTasks.find((t) => t.kind === "weighProposal")).toMatchObject({
      subject: awoSection.title,
      href: expect.stringContaining(proposalId),
    });
    expect(leadTasks.find((t) => t.kind === "agreeSection")).toMatchObject({ subject: awoSection.title });
    const diakonieTasks = (await listMyTasks(db, diakonie, TODAY)).filter((t) => t.conceptId === conceptId);
    expect(diakonieTasks.find((t) => t.kind === "weighSuggestions")).toMatchObject({
      subject: diakonieSection.title,
      count: 2,
    });
    expect(diakonieTasks.filter((t) => t.kind === "reviseSection").map((t) => t.subject)).toEqual([
      diakonieSection.title,
    ]);
    expect(leadTasks.some((t) => t.kind === "reviseSection" && t.subject === leadSection.title)).toBe(true);
    expect(leadTasks.some((t) => t.kind === "reviseSection" && t.subject === awoSection.title)).toBe(false);

    await expectHeaderCountsAsList([lead, diakonie, awo, caritas, ausschuss, admin]);

    // A Rückfrage of a committee, once the concept is submitted: the Verwaltung answers it.
    await db.update(concepts).set({ status: "eingereicht" }).where(eq(concepts.id, conceptId));
    const [question] = await db
      .insert(committeeQuestions)
      .values({
        conceptId,
        authorId: ausschuss.id,
        body: "Wie viele Plätze?",
        createdAt: new Date("2022-05-20T10:00:00Z"),
      })
      .returning({ id: committeeQuestions.id });
    const answer = (await listMyTasks(db, lead, TODAY)).find(
      (t) => t.conceptId === conceptId && t.kind === "answerQuestion",
    );
    expect(answer).toMatchObject({ href: expect.stringContaining(`rueckfrage-${question!.id}`) });
    expect((await listMyTasks(db, awo, TODAY)).some((t) => t.kind === "answerQuestion")).toBe(false);
    await expectHeaderCountsAsList([lead, diakonie, awo, caritas, ausschuss, admin]);
  });

  it("sorts overdue first, then by due date, undated last; answers a Rückfrage before the next meeting", () => {
    const sorted = sortTasks([
      { id: "c", due: null, overdue: false },
      { id: "b", due: "2022-05-02", overdue: false },
      { id: "a", due: "2022-04-01", overdue: false },
      { id: "o", due: "2022-03-01", overdue: true },
    ]);
    expect(sorted.map((t) => t.id)).toEqual(["o", "a", "b", "c"]);
    const folge = [
      { meetingDate: "2022-05-10", outcome: "zur_kenntnis_genommen" },
      { meetingDate: "2022-06-01", outcome: null },
      { meetingDate: "2022-06-20", outcome: null },
    ];
    expect(questionDueDate(folge, new Date("2022-05-20T10:00:00Z"))).toBe("2022-06-01");
    expect(questionDueDate(folge, new Date("2022-07-01T10:00:00Z"))).toBeNull();
  });
});
