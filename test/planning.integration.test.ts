import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concepts } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { getConceptPlan } from "@/lib/planning/get-concept-plan";
import { setPlanningSettings } from "@/lib/planning/set-planning-settings";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("planning settings", () => {
  it("lets the lead change the lead times, and the plan follows", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    const before = await getConceptPlan(db, concept, "2022-03-15");
    expect(before.milestones.find((m) => m.kind === "vorlagenfrist" && m.committee === "IR")!.date).toBe("2022-05-17");
    await setPlanningSettings(db, await demoActor(db, "federfuehrung"), {
      conceptId: concept.id,
      submissionLeadDays: "21",
      signoffDays: 10,
      revisionDays: 14,
    });
    const [updated] = await db.select().from(concepts).where(eq(concepts.id, concept.id));
    const after = await getConceptPlan(db, updated!, "2022-03-15");
    expect(after.milestones.find((m) => m.kind === "vorlagenfrist" && m.committee === "IR")!.date).toBe("2022-05-10");
  });

  it("refuses others and nonsense, changing nothing", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    await expect(
      setPlanningSettings(db, await demoActor(db, "awo"), {
        conceptId: concept.id,
        submissionLeadDays: 7,
        signoffDays: 7,
        revisionDays: 7,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setPlanningSettings(db, await demoActor(db, "federfuehrung"), {
        conceptId: concept.id,
        submissionLeadDays: 0,
        signoffDays: "x",
        revisionDays: 500,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        submissionLeadDays: "Vorlagenfrist: mindestens 1 Tag.",
        signoffDays: expect.stringContaining("ganze Zahl"),
        revisionDays: "Überarbeitung: höchstens 120 Tage.",
      },
    });
    const [row] = await db.select().from(concepts).where(eq(concepts.id, concept.id));
    expect(row!.submissionLeadDays).toBe(21);
  });
});
