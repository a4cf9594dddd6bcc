import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/demo/seed-demo";
import { createThread } from "@/lib/comments/create-thread";
import { buildExportDocument } from "@/lib/export/build-export-document";
import { renderDocx } from "@/lib/export/render-docx";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { saveSection } from "@/lib/sections/save-section";
import { doc, p } from "@/demo/tiptap";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("exports of the current state and of Fassungen", () => {
  it("exports Markdown and DOCX holding the sections; internal threads only for the Verwaltung", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    const lead = await demoActor(db, "federfuehrung");
    await createThread(db, lead, {
      conceptId: concept.id,
      sectionId: sections[0]!.id,
      body: "Interne Notiz zur Haushaltslage",
      visibility: "verwaltung",
    });
    const forLead = renderMarkdown(await buildExportDocument(db, lead, concept.id, "current"));
    expect(forLead).toContain("Verstetigung in der Gemeinwesenarbeit");
    expect(forLead).toContain("Interne Notiz zur Haushaltslage");
    const forTraeger = renderMarkdown(await buildExportDocument(db, await demoActor(db, "awo"), concept.id, "current"));
    expect(forTraeger).toContain("Prüfung der Anbindung an die Familienzentren");
    expect(forTraeger).not.toContain("Interne Notiz");
    const zip = await JSZip.loadAsync(await renderDocx(await buildExportDocument(db, lead, concept.id, "current")));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Ergebnisse der Evaluation");
  });

  it("a Fassung export stays as frozen while the section changes; foreign versions and outsiders are not found", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    const lead = await demoActor(db, "federfuehrung");
    const { fassungId } = await createFassung(db, lead, { conceptId: concept.id, name: "Konsultationsfassung 1" });
    const s = sections.find((x) => x.title === "Finanzierung")!;
    await saveSection(db, lead, {
      conceptId: concept.id,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Neue Finanzierungszahlen.")),
    });
    const frozen = renderMarkdown(await buildExportDocument(db, lead, concept.id, fassungId));
    expect(frozen).toContain("Konsultationsfassung 1");
    expect(frozen).not.toContain("Neue Finanzierungszahlen.");
    expect(renderMarkdown(await buildExportDocument(db, lead, concept.id, "current"))).toContain(
      "Neue Finanzierungszahlen.",
    );
    await expect(
      buildExportDocument(db, lead, concept.id, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      buildExportDocument(db, await demoActor(db, "ausschuss"), concept.id, fassungId),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(buildExportDocument(db, await demoActor(db, "admin"), concept.id, "current")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
