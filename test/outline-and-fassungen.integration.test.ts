import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fassungSections, sectionRevisions, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { doc, p } from "@/demo/tiptap";
import type { Actor } from "@/lib/auth/actor";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { AppError } from "@/lib/errors";
import { compareFassungen, CURRENT_STATE } from "@/lib/fassungen/compare-fassungen";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { getFassung } from "@/lib/fassungen/get-fassung";
import { listFassungen } from "@/lib/fassungen/list-fassungen";
import { addSection } from "@/lib/sections/add-section";
import { getSectionOutline } from "@/lib/sections/get-section-outline";
import { moveSection } from "@/lib/sections/move-section";
import { removeSection } from "@/lib/sections/remove-section";
import { renameSection } from "@/lib/sections/rename-section";
import { restoreArchivedSection } from "@/lib/sections/restore-archived-section";
import { saveSection } from "@/lib/sections/save-section";
import { setSectionMandateItems } from "@/lib/sections/set-section-mandate-items";
import { setSectionOwner } from "@/lib/sections/set-section-owner";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: Actor;
let diakonie: Actor;
let jugendamt: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  lead = await demoActor(database.db, "federfuehrung");
  diakonie = await demoActor(database.db, "diakonie");
  jugendamt = await demoActor(database.db, "jugendamt");
});
afterAll(async () => database?.cleanup());

async function freshConcept() {
  return database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Test ${Math.random()}`),
  );
}
async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

describe("section management by the lead", () => {
  it("adds, renames, reorders, reassigns, links, removes and restores sections", async () => {
    const db = database.db;
    const { conceptId, sectionIds } = await freshConcept();
    const outline = await getSectionOutline(db, lead, conceptId);
    const caritas = outline.owners.find((o) => o.name.startsWith("Caritas"))!;
    expect(outline.owners.map((o) => o.name)).toContain("Amt für Migration und Integration");
    expect(outline.owners.map((o) => o.name)).not.toContain("Integrationsrat");

    const { sectionId: added } = await addSection(db, lead, {
      conceptId,
      title: "Beteiligung der Nutzerinnen und Nutzer",
      ownerOrganisationId: caritas.id,
    });
    await renameSection(db, lead, { conceptId, sectionId: added, title: "Beteiligung" });
    expect(await moveSection(db, lead, { conceptId, sectionId: added, direction: "up" })).toEqual({
      number: 8,
      count: 9,
    });
    expect(
      await codeOf(
        moveSection(db, lead, { conceptId, sectionId: sectionIds["Ausgangslage und Auftrag"]!, direction: "up" }),
      ),
    ).toBe("VALIDATION");
    const items = outline.mandateItems;
    await setSectionMandateItems(db, lead, {
      conceptId,
      sectionId: added,
      mandateItemIds: [items[0]!.id, items[2]!.id],
    });
    await setSectionOwner(db, lead, {
      conceptId,
      sectionId: sectionIds["Finanzierung"]!,
      ownerOrganisationId: caritas.id,
    });

    let overview = await getConceptOverview(db, lead, conceptId);
    expect(overview.sections.map((s) => s.title).slice(-3)).toEqual([
      "Finanzierung",
      "Beteiligung",
      "Zeitplan und nächste Schritte",
    ]);
    expect(overview.sections.find((s) => s.title === "Finanzierung")!.ownerName).toBe(caritas.name);
    expect(overview.mandateItems[2]!.sections.map((s) => s.title)).toContain("Beteiligung");

    // Never saved and in no Fassung: really deleted. With revisions: archived, restorable.
    expect(await removeSection(db, lead, { conceptId, sectionId: added })).toEqual({ outcome: "deleted" });
    const evaluation = sectionIds["Ergebnisse der Evaluation"]!;
    expect(await removeSection(db, lead, { conceptId, sectionId: evaluation })).toEqual({ outcome: "archived" });
    overview = await getConceptOverview(db, lead, conceptId);
    expect(overview.sections.map((s) => s.title)).not.toContain("Ergebnisse der Evaluation");
    expect(overview.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await getSectionOutline(db, lead, conceptId)).archived.map((s) => s.title)).toEqual([
      "Ergebnisse der Evaluation",
    ]);
    const [kept] = await db
      .select({ n: count() })
      .from(sectionRevisions)
      .where(eq(sectionRevisions.sectionId, evaluation));
    expect(kept!.n).toBe(1);
    await restoreArchivedSection(db, lead, { conceptId, sectionId: evaluation });
    overview = await getConceptOverview(db, lead, conceptId);
    expect(overview.sections.at(-1)!.title).toBe("Ergebnisse der Evaluation");
  });

  it("refuses the outline to everybody but the lead, and foreign ids", async () => {
    const db = database.db;
    const { conceptId, sectionIds } = await freshConcept();
    const other = await freshConcept();
    const sectionId = sectionIds["Finanzierung"]!;
    expect(await codeOf(renameSection(db, diakonie, { conceptId, sectionId, title: "X" }))).toBe("FORBIDDEN");
    expect(await codeOf(moveSection(db, jugendamt, { conceptId, sectionId, direction: "up" }))).toBe("FORBIDDEN");
    expect(await codeOf(removeSection(db, diakonie, { conceptId, sectionId }))).toBe("FORBIDDEN");
    expect(
      await codeOf(renameSection(db, lead, { conceptId, sectionId: other.sectionIds["Finanzierung"]!, title: "X" })),
    ).toBe("NOT_FOUND");
    const ags = (await db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.shortName, "AGS") }))!;
    expect(await codeOf(setSectionOwner(db, lead, { conceptId, sectionId, ownerOrganisationId: ags.id }))).toBe(
      "VALIDATION",
    );
    const foreignItem = (await getSectionOutline(db, lead, other.conceptId)).mandateItems[0]!;
    expect(
      await codeOf(setSectionMandateItems(db, lead, { conceptId, sectionId, mandateItemIds: [foreignItem.id] })),
    ).toBe("VALIDATION");
    const [row] = await db.select().from(sections).where(eq(sections.id, sectionId));
    expect(row!.title).toBe("Finanzierung");
  });
});

describe("Fassungen", () => {
  it("stay fixed while the sections change, and compare section by section", async () => {
    const db = database.db;
    const { conceptId, sectionIds } = await freshConcept();
    expect(await codeOf(createFassung(db, diakonie, { conceptId, name: "Konsultationsfassung 1" }))).toBe("FORBIDDEN");
    const { fassungId, sectionCount } = await createFassung(db, lead, { conceptId, name: "Konsultationsfassung 1" });
    expect(sectionCount).toBe(8);
    expect(await codeOf(createFassung(db, lead, { conceptId, name: "Konsultationsfassung 1" }))).toBe("VALIDATION");
    const frozen = await getFassung(db, diakonie, conceptId, fassungId);

    // Change everything a Fassung could drift with: text, title, order, owner, archive, a new section.
    const finanzierung = sectionIds["Finanzierung"]!;
    await saveSection(db, lead, {
      conceptId,
      sectionId: finanzierung,
      baseVersion: 1,
      content: doc(p("Die Kosten betragen rund zwei Millionen Euro.")),
    });
    await renameSection(db, lead, { conceptId, sectionId: finanzierung, title: "Finanzierung und Förderung" });
    await moveSection(db, lead, {
      conceptId,
      sectionId: sectionIds["Zeitplan und nächste Schritte"]!,
      direction: "up",
    });
    await removeSection(db, lead, { conceptId, sectionId: sectionIds["Ergebnisse der Evaluation"]! });
    const { sectionId: added } = await addSection(db, lead, {
      conceptId,
      title: "Anhang",
      ownerOrganisationId: lead.organisations[0]!.id,
    });

    const again = await getFassung(db, diakonie, conceptId, fassungId);
    expect(again).toEqual(frozen);
    expect(again.sections.map((s) => s.title)).toContain("Ergebnisse der Evaluation");
    expect(again.sections.find((s) => s.title === "Finanzierung")!.html).toContain("Kämmerei");
    const [stored] = await db
      .select({ n: count() })
      .from(fassungSections)
      .where(and(eq(fassungSections.fassungId, fassungId)));
    expect(stored!.n).toBe(8);

    const vsCurrent = await compareFassungen(db, jugendamt, conceptId, fassungId, CURRENT_STATE);
    expect(vsCurrent.to).toBeNull();
    expect(vsCurrent.summary).toMatchObject({ added: 1, removed: 1, renamed: 1, moved: 1, textChanged: 1 });
    const fin = vsCurrent.sections.find((s) => s.sectionId === finanzierung)!;
    expect(fin).toMatchObject({
      kind: "kept",
      renamed: true,
      textChanged: true,
      before: { title: "Finanzierung" },
      after: { title: "Finanzierung und Förderung" },
    });
    expect(vsCurrent.sections.find((s) => s.sectionId === added)!.kind).toBe("added");

    const { fassungId: second } = await createFassung(db, lead, { conceptId, name: "Konsultationsfassung 2" });
    const between = await compareFassungen(db, diakonie, conceptId, fassungId, second);
    expect(between.summary).toEqual(vsCurrent.summary);
    expect((await listFassungen(db, diakonie, conceptId)).fassungen.map((f) => [f.name, f.sectionCount])).toEqual([
      ["Konsultationsfassung 2", 8],
      ["Konsultationsfassung 1", 8],
    ]);
    // A Fassung is read only through its own concept.
    const other = await freshConcept();
    expect(await codeOf(getFassung(db, lead, other.conceptId, fassungId))).toBe("NOT_FOUND");
    expect(await codeOf(getFassung(db, await demoActor(db, "ausschuss"), conceptId, fassungId))).toBe("NOT_FOUND");
  });
});
