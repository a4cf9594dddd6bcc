import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concepts } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { listMyConcepts } from "@/lib/concepts/list-my-concepts";
import { getSectionDiscussion } from "@/lib/comments/get-section-discussion";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("who sees which concept", () => {
  it("resolves each demo role", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    const expected = {
      federfuehrung: "lead",
      jugendamt: "author",
      diakonie: "contributor",
      awo: "contributor",
      ausschuss: "committee",
      admin: null,
    };
    for (const [key, role] of Object.entries(expected)) {
      const access = await loadConceptAccess(db, await demoActor(db, key), concept.id);
      expect(access.role, key).toBe(role);
    }
  });

  it("lists the concept on the start page of participants only", async () => {
    const db = database.db;
    for (const key of ["federfuehrung", "jugendamt", "diakonie", "awo"]) {
      const list = await listMyConcepts(db, await demoActor(db, key), "2022-03-15");
      expect(list, key).toHaveLength(1);
      expect(list[0]!.next).toMatchObject({ kind: "vorlagenfrist", date: "2022-05-17", daysLeft: 63 });
    }
    expect(await listMyConcepts(db, await demoActor(db, "ausschuss"), "2022-03-15")).toEqual([]);
    expect(await listMyConcepts(db, await demoActor(db, "admin"), "2022-03-15")).toEqual([]);
  });

  it("refuses drafts to committee members and outsiders with the same not-found error", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    for (const key of ["ausschuss", "admin"]) {
      const actor = await demoActor(db, key);
      await expect(getConceptOverview(db, actor, concept.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getSectionForReading(db, actor, concept.id, sections[0]!.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const lead = await demoActor(db, "federfuehrung");
    await expect(getConceptOverview(db, lead, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows the overview with coverage and the Beratungsfolge", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    const overview = await getConceptOverview(db, await demoActor(db, "diakonie"), concept.id);
    expect(overview.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(overview.mandateItems.every((m) => m.sections.length > 0)).toBe(true);
    expect(overview.consultations.map((c) => c.committeeShortName)).toEqual(["IR", "JHA", "AGS"]);
    expect(overview.mayManage).toBe(false);
  });

  it("renders sanitized HTML and decides who may edit", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    const diakonieSection = sections.find((s) => s.title === "Inhaltliche Weiterentwicklung")!;
    const awoSection = sections.find((s) => s.title.startsWith("Verstetigung"))!;
    const diakonie = await demoActor(db, "diakonie");
    const own = await getSectionForReading(db, diakonie, concept.id, diakonieSection.id);
    expect(own.mayEdit).toBe(true);
    expect((await getSectionDiscussion(db, diakonie, concept.id, diakonieSection.id)).html).toContain("<ul>");
    expect((await getSectionForReading(db, diakonie, concept.id, awoSection.id)).mayEdit).toBe(false);
    expect((await getSectionForReading(db, await demoActor(db, "jugendamt"), concept.id, awoSection.id)).mayEdit).toBe(
      true,
    );
  });

  it("lets committee members read a submitted concept only", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    await db.update(concepts).set({ status: "eingereicht" }).where(eq(concepts.id, concept.id));
    const member = await demoActor(db, "ausschuss");
    expect(await listMyConcepts(db, member, "2022-03-15")).toHaveLength(1);
    await expect(getConceptOverview(db, member, concept.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.update(concepts).set({ status: "entwurf" }).where(eq(concepts.id, concept.id));
  });
});
