import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentThreads, consultations, organisations, vorlagen } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { listSynopse } from "@/lib/synopse/list-synopse";
import { takeDeliberationStep } from "@/lib/workflow/deliberation";
import { getReadingRoom, getReadingRoomSynopse, getReadingRoomSynopsePage } from "@/lib/workflow/get-reading-room";
import { recordOutcome } from "@/lib/workflow/record-outcome";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
}, 60_000);
afterAll(async () => database?.cleanup());

const reference = (prefix: string) => `${prefix}/${Math.floor(Math.random() * 1e6)}/2022`;

describe("the committees read the Synopse as it stood at submission", () => {
  it("keeps the reading room and its downloads on the snapshot while the live Synopse changes", async () => {
    const db = database.db;
    const [lead, awo, ausschuss] = await Promise.all([
      demoActor(db, "federfuehrung"),
      demoActor(db, "awo"),
      demoActor(db, "ausschuss"),
    ]);
    const { conceptId, sectionIds } = await freshConcept(db, "Snapshot Lesesaal");
    const sectionId = Object.values(sectionIds)[0]!;
    const { threadId } = await createThread(db, awo, {
      conceptId,
      sectionId,
      body: "SNAPSHOTHINWEIS zu den Öffnungszeiten",
    });
    await decideThread(db, lead, { threadId, decision: "uebernommen", reason: "Wird ergänzt." });
    await seedReleasedRound(db, conceptId);
    await submitVorlage(db, lead, {
      conceptId,
      paperType: "beschlussvorlage",
      reference: reference("AGS"),
      paperDate: "2022-05-17",
      decisionProposal: "Das Konzept wird beschlossen.",
      financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
      reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    });

    const shown = async () =>
      (await getReadingRoomSynopsePage(db, ausschuss, conceptId)).entries.find((e) => e.id === threadId);
    expect(await shown()).toMatchObject({
      decision: "uebernommen",
      reason: "Wird ergänzt.",
      organisation: "AWO Düsseldorf",
    });
    const firstOwner = (await getReadingRoom(db, ausschuss, conceptId)).sections[0]!.ownerName;

    // After submission the Abwägung may not be changed through the service …
    await expect(
      decideThread(db, lead, { threadId, decision: "nicht_uebernommen", reason: "Doch nicht." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // … and whatever still changes live (a decision written elsewhere, a renamed organisation) stays out of the reading room.
    await db
      .update(commentThreads)
      .set({ decision: "nicht_uebernommen", decisionReason: "LIVEAENDERUNG" })
      .where(eq(commentThreads.id, threadId));
    await db
      .update(organisations)
      .set({ name: "AWO Kreisverband (umbenannt)" })
      .where(eq(organisations.shortName, "AWO"));
    await db.update(organisations).set({ name: "Umbenanntes Amt" }).where(eq(organisations.name, firstOwner));
    expect((await listSynopse(db, lead, conceptId)).entries.find((e) => e.id === threadId)).toMatchObject({
      decision: "nicht_uebernommen",
      organisation: "AWO Kreisverband (umbenannt)",
    });
    expect(await shown()).toMatchObject({
      decision: "uebernommen",
      reason: "Wird ergänzt.",
      organisation: "AWO Düsseldorf",
    });
    expect((await getReadingRoom(db, ausschuss, conceptId)).sections[0]!.ownerName).toBe(firstOwner);
    const download = await getReadingRoomSynopse(db, ausschuss, conceptId);
    expect(download.entries.find((e) => e.id === threadId)).toMatchObject({ decision: "uebernommen" });
    expect(JSON.stringify(download.entries)).not.toContain("LIVEAENDERUNG");
    await db.update(organisations).set({ name: "AWO Düsseldorf" }).where(eq(organisations.shortName, "AWO"));
    await db.update(organisations).set({ name: firstOwner }).where(eq(organisations.name, "Umbenanntes Amt"));

    // The database refuses to rewrite a stored snapshot.
    await expect(
      db
        .update(vorlagen)
        .set({ readingRoomSnapshot: { version: 1, takenAt: new Date().toISOString(), synopse: [], sections: [] } })
        .where(eq(vorlagen.conceptId, conceptId)),
    ).rejects.toThrow();
    expect(await shown()).toMatchObject({ decision: "uebernommen" });
  }, 60_000);

  it("after a referral back, the new Vorlage carries a new snapshot and the withdrawn one keeps its own", async () => {
    const db = database.db;
    const [lead, awo, ausschuss] = await Promise.all([
      demoActor(db, "federfuehrung"),
      demoActor(db, "awo"),
      demoActor(db, "ausschuss"),
    ]);
    const { conceptId, sectionIds } = await freshConcept(db, "Snapshot Zurückverweisung");
    const { threadId } = await createThread(db, awo, {
      conceptId,
      sectionId: Object.values(sectionIds)[0]!,
      body: "ZWEITERHINWEIS Barrierefreiheit",
    });
    await decideThread(db, lead, { threadId, decision: "zur_kenntnis_genommen", reason: "Erste Runde." });
    await seedReleasedRound(db, conceptId);
    const first = reference("AGS");
    await submitVorlage(db, lead, {
      conceptId,
      paperType: "beschlussvorlage",
      reference: first,
      paperDate: "2022-05-17",
      decisionProposal: "Das Konzept wird beschlossen.",
      financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
      reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    });
    const [ir] = await db
      .select()
      .from(consultations)
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(consultations.position);
    await recordOutcome(db, lead, {
      conceptId,
      consultationId: ir!.id,
      outcome: "zurueckverwiesen",
      outcomeDate: "2022-05-31",
    });
    await takeDeliberationStep(db, lead, { conceptId, transition: "refer_back" });
    await expect(getReadingRoom(db, ausschuss, conceptId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Reworked: the Abwägung changes in Überarbeitung, then a new Mitzeichnung and a new Vorlage.
    await decideThread(db, lead, { threadId, decision: "uebernommen", reason: "Zweite Runde." });
    await seedReleasedRound(db, conceptId);
    const second = reference("AGS");
    await submitVorlage(db, lead, {
      conceptId,
      paperType: "beschlussvorlage",
      reference: second,
      paperDate: "2022-06-01",
      decisionProposal: "Das Konzept wird beschlossen.",
      financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
      reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    });
    const room = await getReadingRoom(db, ausschuss, conceptId);
    expect(room.vorlage.reference).toBe(second);
    expect(
      (await getReadingRoomSynopsePage(db, ausschuss, conceptId)).entries.find((e) => e.id === threadId),
    ).toMatchObject({ decision: "uebernommen", reason: "Zweite Runde." });
    const [withdrawn] = await db
      .select()
      .from(vorlagen)
      .where(and(eq(vorlagen.conceptId, conceptId), eq(vorlagen.reference, first)));
    expect(withdrawn!.withdrawnAt).not.toBeNull();
    expect(withdrawn!.readingRoomSnapshot!.synopse.find((e) => e.id === threadId)).toMatchObject({
      decision: "zur_kenntnis_genommen",
      reason: "Erste Runde.",
    });
  }, 60_000);
});
