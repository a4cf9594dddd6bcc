import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionRevisions, sections, sectionSuggestions } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { readLiveText } from "@/lib/collab/follow-revision";
import { listSuggestions, withoutSuggestions } from "@/lib/content/suggestions";
import { validateContent } from "@/lib/content/validate-content";
import { exportWorkingText } from "@/lib/word/export-working-text";
import { importSectionDocx } from "@/lib/word/import-section-docx";
import { makeDocm, makeEncryptedDocx, makeSampleDocx, makeZipBomb } from "./docx-fixture";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

/**
 * Word in: a real DOCX (made here with the docx package) uploaded into a section — by its owner as a new revision,
 * by a Träger as suggestions in their name — and every file that is refused, with nothing stored.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => {
  await database?.cleanup();
});

async function freshSection() {
  const { conceptId, sectionIds } = await database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Word ${Math.random()}`),
  );
  return { conceptId, sectionId: sectionIds["Inhaltliche Weiterentwicklung"]! };
}

const sectionRow = async (sectionId: string) =>
  (await database.db.select().from(sections).where(eq(sections.id, sectionId)))[0]!;
const revisionCount = async (sectionId: string) =>
  (await database.db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, sectionId))).length;
const suggestionRows = (sectionId: string) =>
  database.db.select().from(sectionSuggestions).where(eq(sectionSuggestions.sectionId, sectionId));
const liveText = (sectionId: string) => database.db.transaction((tx) => readLiveText(tx, sectionId));

describe("Word import", () => {
  it("the owner's upload becomes one revision 'aus Word übernommen' after a preview that stores nothing", async () => {
    const { conceptId, sectionId } = await freshSection();
    const owner = await demoActor(database.db, "diakonie");
    const file = new Uint8Array(await makeSampleDocx());
    const before = await sectionRow(sectionId);

    const preview = await importSectionDocx(database.db, owner, { conceptId, sectionId }, file);
    expect(preview).toMatchObject({ mode: "revision", applied: false, baseVersion: before.version });
    expect(preview.dropped).toEqual([{ part: "images", count: 1 }]);
    expect(preview.changes.map((c) => c.insertedText).join(" ")).toContain("Ziele aus Word");
    expect((await sectionRow(sectionId)).version).toBe(before.version);

    const done = await importSectionDocx(
      database.db,
      owner,
      { conceptId, sectionId, apply: true, baseVersion: preview.baseVersion },
      file,
    );
    expect(done).toMatchObject({ applied: true, revision: before.version + 1 });
    const after = await sectionRow(sectionId);
    expect(after.version).toBe(before.version + 1);
    expect(after.contentText).toContain("Die Welcome Points beraten Geflüchtete in allen Stadtteilen und ohne Termin.");
    // jsonb orders keys its own way; the schema's JSON puts them back in the editor's order.
    const json = JSON.stringify(validateContent(after.content).content);
    for (const part of [
      '{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Ziele aus Word"}]}',
      '"marks":[{"type":"bold"}],"text":"in allen Stadtteilen"',
      '"marks":[{"type":"italic"}],"text":"ohne Termin"',
      '"href":"https://www.example.org/welcome"',
      '{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Begleitung zu Ämtern"}]}]}]}',
      '"text":"Nordstadt"',
    ])
      expect(json).toContain(part);
    const [revision] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, after.version)));
    expect(revision).toMatchObject({ note: "aus Word übernommen", authorId: owner.id });

    // The same file again: nothing to take over. A preview made before a later save is stale.
    await expect(
      importSectionDocx(database.db, owner, { conceptId, sectionId, apply: true }, file),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      importSectionDocx(
        database.db,
        owner,
        { conceptId, sectionId, apply: true, baseVersion: before.version },
        new Uint8Array(await makeSampleDocx("Die Beratungsstellen beraten")),
      ),
    ).rejects.toMatchObject({ code: "SECTION_STALE" });
  });

  it("a Träger's upload becomes suggestions in their name; the text without suggestions stays as it was", async () => {
    const { conceptId, sectionId } = await freshSection();
    const awo = await demoActor(database.db, "awo");
    const before = await sectionRow(sectionId);
    const file = new Uint8Array(await makeSampleDocx());

    const preview = await importSectionDocx(database.db, awo, { conceptId, sectionId }, file);
    expect(preview).toMatchObject({ mode: "suggestions", applied: false });
    expect(await suggestionRows(sectionId)).toEqual([]);
    expect(await liveText(sectionId)).toBeNull();

    const done = await importSectionDocx(database.db, awo, { conceptId, sectionId, apply: true }, file);
    expect(done.applied).toBe(true);
    const rows = await suggestionRows(sectionId);
    expect(rows.length).toBe(done.changes.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.authorId === awo.id && r.status === "open")).toBe(true);
    expect(rows.map((r) => r.insertedText).join(" ")).toContain("Ziele aus Word");

    const live = (await liveText(sectionId))!;
    expect(
      listSuggestions(live)
        .map((s) => s.id)
        .sort(),
    ).toEqual(rows.map((r) => r.id).sort());
    expect(withoutSuggestions(live).toJSON()).toEqual(validateContent(before.content).content);
    const after = await sectionRow(sectionId);
    expect(after.version).toBe(before.version);
    expect(after.content).toEqual(before.content);

    // A second upload replaces the Träger's own earlier suggestions (withdrawn), it does not pile up.
    await importSectionDocx(
      database.db,
      awo,
      { conceptId, sectionId, apply: true },
      new Uint8Array(await makeSampleDocx("Die Beratungsstellen beraten")),
    );
    const again = await suggestionRows(sectionId);
    expect(again.filter((r) => r.status === "withdrawn").length).toBe(rows.length);
    expect(
      again
        .filter((r) => r.status === "open")
        .map((r) => r.insertedText)
        .join(" "),
    ).toContain("Beratungsstellen");

    // The owner cannot replace the text while suggestions are open.
    const owner = await demoActor(database.db, "diakonie");
    await expect(importSectionDocx(database.db, owner, { conceptId, sectionId }, file)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("someone who may not suggest (a committee member) is refused before the file is read", async () => {
    const { conceptId, sectionId } = await freshSection();
    const committee = await demoActor(database.db, "ausschuss");
    await expect(
      importSectionDocx(database.db, committee, { conceptId, sectionId }, new Uint8Array(await makeSampleDocx())),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  const refusals: [string, () => Promise<Uint8Array>, RegExp][] = [
    [
      "a text file renamed .docx",
      async () => new TextEncoder().encode("Nur Text, kein Word."),
      /^Die Datei ist kein Word-Dokument \(\.docx\)/,
    ],
    ["an 11 MB file", async () => new Uint8Array(11 * 1024 * 1024), /^Die Datei ist größer als 10 MB/],
    [
      "a macro-enabled document (.docm)",
      async () => new Uint8Array(await makeDocm()),
      /^Word-Dokumente mit Makros \(\.docm\)/,
    ],
    [
      "an encrypted document (CFB container)",
      async () => new Uint8Array(makeEncryptedDocx()),
      /^Die Datei ist verschlüsselt/,
    ],
    [
      "a ZIP bomb",
      async () => new Uint8Array(await makeZipBomb()),
      /^Die Datei ist entpackt zu groß \(mehr als 100 MB\)/,
    ],
    [
      "a truncated ZIP",
      async () => {
        const whole = await makeSampleDocx();
        return new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2)));
      },
      /^Die Datei ist beschädigt/,
    ],
  ];

  for (const [name, make, message] of refusals)
    it(`refuses ${name} with a German message and stores nothing`, async () => {
      const { conceptId, sectionId } = await freshSection();
      const file = await make();
      for (const user of ["diakonie", "awo"]) {
        const actor = await demoActor(database.db, user);
        const revisions = await revisionCount(sectionId);
        const error = await importSectionDocx(database.db, actor, { conceptId, sectionId, apply: true }, file).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: "VALIDATION" });
        expect((error as Error).message).toMatch(message);
        expect(await revisionCount(sectionId)).toBe(revisions);
        expect(await suggestionRows(sectionId)).toEqual([]);
        expect(await liveText(sectionId)).toBeNull();
      }
    });
});

describe("Word export with tracked changes", () => {
  it("carries open suggestions as w:ins / w:del in the author's name, for the section and the whole text", async () => {
    const { conceptId, sectionId } = await freshSection();
    const awo = await demoActor(database.db, "awo");
    await importSectionDocx(
      database.db,
      awo,
      { conceptId, sectionId, apply: true },
      new Uint8Array(await makeSampleDocx()),
    );
    const [row] = await suggestionRows(sectionId);
    const owner = await demoActor(database.db, "diakonie");
    const documentXml = async (body: Uint8Array) =>
      (await JSZip.loadAsync(body)).file("word/document.xml")!.async("string");

    for (const query of [{ conceptId, sectionId }, { conceptId }]) {
      const download = await exportWorkingText(database.db, owner, query);
      expect(download.extension).toBe("docx");
      const xml = await documentXml(download.body);
      const author = `w:author="${awo.name}"`;
      expect(xml).toMatch(
        new RegExp(`<w:ins [^>]*${author}[^>]*w:date="${row!.createdAt.toISOString().slice(0, 19)}Z"`),
      );
      expect(xml).toMatch(new RegExp(`<w:del [^>]*${author}`));
      expect(xml).toContain("<w:delText");
      expect(xml).toContain("Ziele aus Word");
    }

    // The section's file is its text alone: no title page or contents to carry back in on an upload.
    const sectionXml = await documentXml((await exportWorkingText(database.db, owner, { conceptId, sectionId })).body);
    expect(sectionXml).not.toContain("Inhaltsverzeichnis");

    // Only who may read the drafts: a committee member gets "not found".
    const committee = await demoActor(database.db, "ausschuss");
    await expect(exportWorkingText(database.db, committee, { conceptId, sectionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("Word round trip", () => {
  it("a section downloaded and uploaded again unchanged changes nothing", async () => {
    const { conceptId, sectionId } = await freshSection();
    const owner = await demoActor(database.db, "diakonie");
    // First a rich text (headings, nested list, table, link), then download and upload it again.
    const first = await importSectionDocx(
      database.db,
      owner,
      { conceptId, sectionId, apply: true },
      new Uint8Array(await makeSampleDocx()),
    );
    expect(first.applied).toBe(true);
    const download = await exportWorkingText(database.db, owner, { conceptId, sectionId });
    const again = await importSectionDocx(database.db, owner, { conceptId, sectionId }, download.body);
    expect(again.changes).toEqual([]);
    expect(again.dropped).toEqual([]);
  });

  it("a Träger's file with their suggestions as tracked changes, uploaded again, gives the same suggestions", async () => {
    const { conceptId, sectionId } = await freshSection();
    const awo = await demoActor(database.db, "awo");
    const first = await importSectionDocx(
      database.db,
      awo,
      { conceptId, sectionId, apply: true },
      new Uint8Array(await makeSampleDocx()),
    );
    const download = await exportWorkingText(database.db, awo, { conceptId, sectionId });
    const again = await importSectionDocx(database.db, awo, { conceptId, sectionId }, download.body);
    expect(again.changes).toEqual(first.changes);
  });
});
