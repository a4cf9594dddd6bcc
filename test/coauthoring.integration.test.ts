import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, concepts, sectionRevisions, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { doc, link, p } from "@/demo/tiptap";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { compareSectionRevisions } from "@/lib/sections/compare-section-revisions";
import { getSectionConflict } from "@/lib/sections/get-section-conflict";
import { listSectionRevisions } from "@/lib/sections/list-section-revisions";
import { restoreSectionRevision } from "@/lib/sections/restore-section-revision";
import { saveSection } from "@/lib/sections/save-section";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let actors: Record<"lead" | "jugendamt" | "diakonie" | "awo" | "ausschuss" | "admin", Actor>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const db = database.db;
  actors = {
    lead: await demoActor(db, "federfuehrung"),
    jugendamt: await demoActor(db, "jugendamt"),
    diakonie: await demoActor(db, "diakonie"),
    awo: await demoActor(db, "awo"),
    ausschuss: await demoActor(db, "ausschuss"),
    admin: await demoActor(db, "admin"),
  };
});
afterAll(async () => database?.cleanup());

/** Each test works on its own copy of the demo concept. */
async function freshConcept() {
  return database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Test ${Math.random()}`),
  );
}
const DIAKONIE = "Inhaltliche Weiterentwicklung";
const AWO = "Verstetigung in der Gemeinwesenarbeit";

async function revisionCount(sectionId: string) {
  const [row] = await database.db
    .select({ n: count() })
    .from(sectionRevisions)
    .where(eq(sectionRevisions.sectionId, sectionId));
  return row!.n;
}
async function auditCount(sectionId: string, action = "section.saved") {
  const [row] = await database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, sectionId), eq(auditEvents.action, action)));
  return row!.n;
}
async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

describe(`saving sections (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("writes one immutable revision and one audit event per save, and nothing for unchanged content", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const sectionId = sectionIds[DIAKONIE]!;
    const content = doc(p("Neuer Text der Diakonie."));
    const saved = await saveSection(database.db, actors.diakonie, {
      conceptId,
      sectionId,
      baseVersion: 1,
      content,
      note: "  Einleitung geschärft  ",
    });
    expect(saved).toEqual({ status: "saved", version: 2 });
    const [revision] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, 2)));
    expect(revision).toMatchObject({
      authorId: actors.diakonie.id,
      organisationId: actors.diakonie.organisations[0]!.id,
      note: "Einleitung geschärft",
      contentText: "Neuer Text der Diakonie.",
    });
    expect(await auditCount(sectionId)).toBe(1);

    expect(
      await saveSection(database.db, actors.diakonie, {
        conceptId,
        sectionId,
        baseVersion: 2,
        content,
        note: "nochmal",
      }),
    ).toEqual({ status: "unchanged", version: 2 });
    expect(await revisionCount(sectionId)).toBe(2);
    expect(await auditCount(sectionId)).toBe(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("lets a Träger edit only its own organisation's sections; committee and outsiders never", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const content = doc(p("Versuch."));
    await expectError(
      saveSection(database.db, actors.diakonie, { conceptId, sectionId: sectionIds[AWO]!, baseVersion: 1, content }),
      "FORBIDDEN",
      /AWO Düsseldorf/,
    );
    await expectError(
      saveSection(database.db, actors.ausschuss, { conceptId, sectionId: sectionIds[AWO]!, baseVersion: 1, content }),
      "NOT_FOUND",
    );
    await expectError(
      saveSection(database.db, actors.admin, { conceptId, sectionId: sectionIds[AWO]!, baseVersion: 1, content }),
      "NOT_FOUND",
    );
    expect(
      await saveSection(database.db, actors.jugendamt, {
        conceptId,
        sectionId: sectionIds[AWO]!,
        baseVersion: 1,
        content,
      }),
    ).toMatchObject({ status: "saved" });
    expect(
      await saveSection(database.db, actors.awo, {
        conceptId,
        sectionId: sectionIds[AWO]!,
        baseVersion: 2,
        content: doc(p("AWO.")),
      }),
    ).toMatchObject({ status: "saved" });
    expect(await revisionCount(sectionIds[AWO]!)).toBe(3);
  });

  it("refuses bad input with a German message and stores nothing", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const other = await freshConcept();
    const sectionId = sectionIds[DIAKONIE]!;
    const save = (
      content: unknown,
      extra: Partial<{ conceptId: string; sectionId: string; baseVersion: number }> = {},
    ) => saveSection(database.db, actors.diakonie, { conceptId, sectionId, baseVersion: 1, content, ...extra });
    await expectError(
      save(doc(p(link("klick", "javascript:alert(1)")))),
      "VALIDATION",
      /nur mit http, https oder mailto/,
    );
    await expectError(
      save({ type: "doc", content: [{ type: "script", text: "x" }] }),
      "VALIDATION",
      /erlaubten Format/,
    );
    await expectError(save(doc(...Array.from({ length: 600 }, () => p("x".repeat(1000))))), "VALIDATION", /512 KB/);
    await expectError(save(doc(p("x")), { sectionId: other.sectionIds[DIAKONIE]! }), "NOT_FOUND");
    await expectError(save(doc(p("x")), { baseVersion: 0 }), "SECTION_STALE", /nichts überschrieben/);
    await database.db.update(concepts).set({ status: "mitzeichnung" }).where(eq(concepts.id, conceptId));
    await expectError(save(doc(p("x"))), "CONCEPT_FROZEN", /eingefroren/);
    expect(await revisionCount(sectionId)).toBe(1);
    expect(await auditCount(sectionId)).toBe(0);
  });

  it("lets exactly one of 20 parallel saves against the same base win; 19 get SECTION_STALE", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const sectionId = sectionIds[DIAKONIE]!;
    const before = await revisionCount(sectionId);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveSection(database.db, i % 2 ? actors.lead : actors.diakonie, {
          conceptId,
          sectionId,
          baseVersion: 1,
          content: doc(p(`Fassung Nummer ${i}.`)),
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const stale = results.filter((r) => r.status === "rejected" && (r.reason as AppError).code === "SECTION_STALE");
    expect(won).toHaveLength(1);
    expect(stale).toHaveLength(19);
    expect(await revisionCount(sectionId)).toBe(before + 1);
    expect(await auditCount(sectionId)).toBe(1);
    const [section] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    const [latest] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, 2)));
    expect(section!.version).toBe(2);
    expect(section!.contentText).toBe(latest!.contentText);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});

describe("conflicts, history and restore", () => {
  it("describes a conflict with the others' diff and merges edits to different paragraphs", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const sectionId = sectionIds[AWO]!;
    const [base] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    const [first, second] = base!.content.content as ReturnType<typeof p>[];
    await saveSection(database.db, actors.lead, {
      conceptId,
      sectionId,
      baseVersion: 1,
      content: doc(first!, second!, p("Ergänzung der Federführung.")),
    });
    const mine = doc(p("Ziel ist es, die Strukturen zusammenzuführen."), second!);
    await expectError(
      saveSection(database.db, actors.awo, { conceptId, sectionId, baseVersion: 1, content: mine }),
      "SECTION_STALE",
    );

    const conflict = await getSectionConflict(database.db, actors.awo, {
      conceptId,
      sectionId,
      baseVersion: 1,
      content: mine,
    });
    expect(conflict).toMatchObject({ baseVersion: 1, currentVersion: 2, overlaps: 0 });
    expect(conflict.changes).toMatchObject([{ number: 2, authorName: "Lena Hoffmann" }]);
    expect(
      conflict.theirs
        .filter((x) => x.kind === "ins")
        .map((x) => x.text)
        .join(""),
    ).toContain("Ergänzung der Federführung.");
    expect(conflict.mine.some((x) => x.kind === "ins" && x.text.includes("zusammenzuführen"))).toBe(true);
    expect(conflict.merged!.content).toHaveLength(3);

    expect(
      await saveSection(database.db, actors.awo, {
        conceptId,
        sectionId,
        baseVersion: conflict.currentVersion,
        content: conflict.merged,
      }),
    ).toEqual({ status: "saved", version: 3 });
    const [after] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    expect(after!.contentText).toContain("zusammenzuführen");
    expect(after!.contentText).toContain("Ergänzung der Federführung.");

    const overlapping = await getSectionConflict(database.db, actors.awo, {
      conceptId,
      sectionId,
      baseVersion: 2,
      content: doc(p("Ganz anders."), second!, p("Ergänzung der Federführung.")),
    });
    expect(overlapping.overlaps).toBe(1);
    expect(overlapping.merged).toBeNull();
    await expectError(
      getSectionConflict(database.db, actors.diakonie, { conceptId, sectionId, baseVersion: 1, content: mine }),
      "FORBIDDEN",
    );
  });

  it("lists history, diffs any two revisions and restores an old one as a new revision", async () => {
    const { conceptId, sectionIds } = await freshConcept();
    const sectionId = sectionIds["Finanzierung"]!;
    await saveSection(database.db, actors.lead, {
      conceptId,
      sectionId,
      baseVersion: 1,
      content: doc(p("Die Kosten betragen rund zwei Millionen Euro.")),
      note: "Zahlen ergänzt",
    });
    await saveSection(database.db, actors.jugendamt, {
      conceptId,
      sectionId,
      baseVersion: 2,
      content: doc(p("Die Kosten betragen rund drei Millionen Euro.")),
    });

    const history = await listSectionRevisions(database.db, actors.diakonie, conceptId, sectionId);
    expect(history.revisions.map((r) => [r.number, r.authorName, r.organisationName, r.note])).toEqual([
      [3, "Jonas Weber", "Jugendamt", null],
      [2, "Lena Hoffmann", "Amt für Migration und Integration", "Zahlen ergänzt"],
      [1, "Lena Hoffmann", "Amt für Migration und Integration", "Erster Entwurf aus der Begründung des Antrags"],
    ]);
    expect(history.mayEdit).toBe(false);
    const diff = await compareSectionRevisions(database.db, actors.diakonie, conceptId, sectionId, 2, 3);
    expect(diff.parts.filter((x) => x.kind !== "same")).toEqual([
      { kind: "del", text: "zwei" },
      { kind: "ins", text: "drei" },
    ]);
    await expectError(compareSectionRevisions(database.db, actors.diakonie, conceptId, sectionId, 1, 9), "NOT_FOUND");

    await expectError(
      restoreSectionRevision(database.db, actors.diakonie, { conceptId, sectionId, number: 1, baseVersion: 3 }),
      "FORBIDDEN",
    );
    await expectError(
      restoreSectionRevision(database.db, actors.lead, { conceptId, sectionId, number: 1, baseVersion: 2 }),
      "SECTION_STALE",
    );
    expect(
      await restoreSectionRevision(database.db, actors.lead, { conceptId, sectionId, number: 1, baseVersion: 3 }),
    ).toEqual({ status: "saved", version: 4 });
    const [restored] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, 4)));
    const [original] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, 1)));
    expect(restored).toMatchObject({
      note: "Wiederhergestellt aus Nr. 1",
      restoredFromNumber: 1,
      contentText: original!.contentText,
      authorId: actors.lead.id,
    });
    expect(await auditCount(sectionId, "section.restored")).toBe(1);
    expect(
      await restoreSectionRevision(database.db, actors.lead, { conceptId, sectionId, number: 1, baseVersion: 4 }),
    ).toEqual({ status: "unchanged", version: 4 });
    expect(await revisionCount(sectionId)).toBe(4);
  });
});
