import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionMandateItems, sections } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { createThread } from "@/lib/comments/create-thread";
import { gatherWorkflowFacts, requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("workflow facts and section status", () => {
  it("counts what blocks Mitzeichnung in the seeded concept", async () => {
    const { concept } = await demoConcept(database.db);
    const facts = await gatherWorkflowFacts(database.db, concept.id);
    expect(facts).toMatchObject({
      sectionCount: 8,
      sectionsNotAgreed: 8,
      openBlockingThreads: 0,
      uncoveredMandateItems: [],
      vorlageReady: false,
      consultationsWithoutOutcome: 3,
      referredBack: false,
    });
    expect(facts.missingSignoffs.sort()).toEqual(
      [
        "AWO Düsseldorf",
        "Amt für Migration und Integration",
        "Caritasverband Düsseldorf",
        "Diakonie Düsseldorf",
        "Jugendamt",
      ].sort(),
    );
    expect((await requiredOrganisations(database.db, concept.id)).length).toBe(5);
  });

  it("moves section status only by the lead, only along allowed moves, guarded", async () => {
    const db = database.db;
    const { concept, sections: list } = await demoConcept(db);
    const s = list[0]!;
    const lead = await demoActor(db, "federfuehrung");
    await expect(
      setSectionStatus(db, await demoActor(db, "jugendamt"), {
        conceptId: concept.id,
        sectionId: s.id,
        from: "entwurf",
        to: "zur_abstimmung",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setSectionStatus(db, lead, { conceptId: concept.id, sectionId: s.id, from: "entwurf", to: "abgestimmt" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await setSectionStatus(db, lead, { conceptId: concept.id, sectionId: s.id, from: "entwurf", to: "zur_abstimmung" });
    await expect(
      setSectionStatus(db, lead, { conceptId: concept.id, sectionId: s.id, from: "entwurf", to: "zur_abstimmung" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await setSectionStatus(db, lead, {
      conceptId: concept.id,
      sectionId: s.id,
      from: "zur_abstimmung",
      to: "abgestimmt",
    });
    expect((await gatherWorkflowFacts(db, concept.id)).sectionsNotAgreed).toBe(7);
  });

  it("sees open blocking threads and uncovered mandate items", async () => {
    const db = database.db;
    const { concept, sections: list } = await demoConcept(db);
    await createThread(db, await demoActor(db, "awo"), {
      conceptId: concept.id,
      sectionId: list[3]!.id,
      body: "Blockierend",
      blocking: true,
    });
    const finanzierung = list.find((s) => s.title === "Prüfung der Anbindung an die Familienzentren")!;
    await db.delete(sectionMandateItems).where(eq(sectionMandateItems.sectionId, finanzierung.id));
    const facts = await gatherWorkflowFacts(db, concept.id);
    expect(facts.openBlockingThreads).toBe(1);
    expect(facts.uncoveredMandateItems).toEqual([3]);
    await db.update(sections).set({ archivedAt: new Date() }).where(eq(sections.id, list[3]!.id));
    expect((await gatherWorkflowFacts(db, concept.id)).openBlockingThreads).toBe(0);
  });
});
