import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeProposals, sectionRevisions, sections } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { doc, p } from "@/demo/tiptap";
import { acceptProposal } from "@/lib/proposals/accept-proposal";
import { rejectProposal, withdrawProposal } from "@/lib/proposals/close-proposal";
import { createProposal } from "@/lib/proposals/create-proposal";
import { saveSection } from "@/lib/sections/save-section";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

async function section(title: string) {
  const { concept, sections: list } = await demoConcept(database.db);
  const s = list.find((x) => x.title === title)!;
  const [fresh] = await database.db.select().from(sections).where(eq(sections.id, s.id));
  return { conceptId: concept.id, section: fresh! };
}

describe("change proposals", () => {
  it("a Träger proposes text for a section it cannot edit; the owner accepts; the revision credits the proposer", async () => {
    const db = database.db;
    const { conceptId, section: s } = await section("Verstetigung in der Gemeinwesenarbeit");
    const diakonie = await demoActor(db, "diakonie");
    const awo = await demoActor(db, "awo");
    const { proposalId } = await createProposal(db, diakonie, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Neuer Vorschlagstext.")),
      reason: "Kürzer und klarer.",
    });
    await expect(acceptProposal(db, diakonie, { proposalId, baseVersion: s.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { version } = await acceptProposal(db, awo, { proposalId, baseVersion: s.version });
    const [rev] = await db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, s.id), eq(sectionRevisions.number, version)));
    expect(rev).toMatchObject({ creditedUserId: diakonie.id, authorId: awo.id, contentText: "Neuer Vorschlagstext." });
    const [proposal] = await db.select().from(changeProposals).where(eq(changeProposals.id, proposalId));
    expect(proposal).toMatchObject({ status: "accepted", decision: "uebernommen", resultRevisionId: rev!.id });
    await expect(acceptProposal(db, awo, { proposalId, baseVersion: version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("never applies a proposal blindly to a section that changed; reconciled content is accepted as partly adopted", async () => {
    const db = database.db;
    const { conceptId, section: s } = await section("Finanzierung");
    const diakonie = await demoActor(db, "diakonie");
    const lead = await demoActor(db, "federfuehrung");
    const { proposalId } = await createProposal(db, diakonie, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Finanzierung über Landesmittel.")),
      reason: "Quelle nennen",
    });
    await saveSection(db, lead, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Finanzierung: Zahlen folgen im Mai.")),
    });
    await expect(acceptProposal(db, lead, { proposalId, baseVersion: s.version })).rejects.toMatchObject({
      code: "SECTION_STALE",
    });
    await expect(
      acceptProposal(db, lead, { proposalId, baseVersion: s.version, content: doc(p("x")) }),
    ).rejects.toMatchObject({ code: "SECTION_STALE" });
    const merged = doc(p("Finanzierung über Landesmittel; Zahlen folgen im Mai."));
    await acceptProposal(db, lead, { proposalId, baseVersion: s.version + 1, content: merged });
    const [proposal] = await db.select().from(changeProposals).where(eq(changeProposals.id, proposalId));
    expect(proposal!.decision).toBe("teilweise_uebernommen");
  });

  it("refuses to replace other people's changes since the proposal unless they were confirmed as of the current version", async () => {
    const db = database.db;
    const { conceptId, section: s } = await section("Inhaltliche Weiterentwicklung");
    const awo = await demoActor(db, "awo");
    const diakonie = await demoActor(db, "diakonie");
    const lead = await demoActor(db, "federfuehrung");
    const { proposalId } = await createProposal(db, awo, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Vorschlag der AWO.")),
      reason: "Kürzer",
    });
    await saveSection(db, diakonie, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Text der Diakonie.")),
    });
    const merged = doc(p("Vorschlag der AWO."));
    const unchanged = async () => {
      const [row] = await db.select().from(sections).where(eq(sections.id, s.id));
      const [proposal] = await db.select().from(changeProposals).where(eq(changeProposals.id, proposalId));
      expect(row!.version).toBe(s.version + 1);
      expect(row!.contentText).toBe("Text der Diakonie.");
      expect(proposal!.status).toBe("open");
    };
    // Without the confirmation: refused, naming whose change it would replace.
    await expect(
      acceptProposal(db, lead, { proposalId, baseVersion: s.version + 1, content: merged }),
    ).rejects.toMatchObject({ code: "SECTION_STALE", message: expect.stringContaining("Miriam Schulte") });
    await unchanged();
    // Confirmed against an older state: refused with the new version.
    await expect(
      acceptProposal(db, lead, {
        proposalId,
        baseVersion: s.version + 1,
        content: merged,
        confirmedVersion: s.version,
      }),
    ).rejects.toMatchObject({
      code: "SECTION_STALE",
      message: expect.stringContaining(`jetzt Version ${s.version + 1}`),
    });
    await unchanged();
    // The section moves on again after the person looked: their confirmation no longer holds.
    await saveSection(db, diakonie, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version + 1,
      content: doc(p("Text der Diakonie, ergänzt.")),
    });
    await expect(
      acceptProposal(db, lead, {
        proposalId,
        baseVersion: s.version + 1,
        content: merged,
        confirmedVersion: s.version + 1,
      }),
    ).rejects.toMatchObject({
      code: "SECTION_STALE",
      message: expect.stringContaining(`jetzt Version ${s.version + 2}`),
    });
    const { version } = await acceptProposal(db, lead, {
      proposalId,
      baseVersion: s.version + 2,
      content: merged,
      confirmedVersion: s.version + 2,
    });
    expect(version).toBe(s.version + 3);
  });

  it("asks no confirmation when only the proposer or the acceptor changed the section meanwhile", async () => {
    const db = database.db;
    const { conceptId, section: s } = await section("Verstetigung in der Gemeinwesenarbeit");
    const diakonie = await demoActor(db, "diakonie");
    const awo = await demoActor(db, "awo");
    const { proposalId } = await createProposal(db, diakonie, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Vorschlag der Diakonie.")),
      reason: "Klarer",
    });
    await saveSection(db, awo, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("Eigene Änderung der AWO.")),
    });
    const { version } = await acceptProposal(db, awo, {
      proposalId,
      baseVersion: s.version + 1,
      content: doc(p("Vorschlag der Diakonie.")),
    });
    expect(version).toBe(s.version + 2);
  });

  it("refuses a stale base, unchanged text and a missing reason; only the proposer withdraws; rejection needs a reason", async () => {
    const db = database.db;
    const { conceptId, section: s } = await section("Zeitplan und nächste Schritte");
    const awo = await demoActor(db, "awo");
    await expect(
      createProposal(db, awo, {
        conceptId,
        sectionId: s.id,
        baseVersion: s.version - 1,
        content: doc(p("neu")),
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "SECTION_STALE" });
    await expect(
      createProposal(db, awo, { conceptId, sectionId: s.id, baseVersion: s.version, content: s.content, reason: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      createProposal(db, awo, {
        conceptId,
        sectionId: s.id,
        baseVersion: s.version,
        content: doc(p("neu")),
        reason: " ",
      }),
    ).rejects.toMatchObject({ fieldErrors: { reason: "Bitte begründen Sie Ihren Vorschlag." } });
    await expect(
      createProposal(db, await demoActor(db, "ausschuss"), {
        conceptId,
        sectionId: s.id,
        baseVersion: s.version,
        content: doc(p("neu")),
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { proposalId } = await createProposal(db, awo, {
      conceptId,
      sectionId: s.id,
      baseVersion: s.version,
      content: doc(p("neu")),
      reason: "x",
    });
    await expect(withdrawProposal(db, await demoActor(db, "diakonie"), { proposalId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      rejectProposal(db, await demoActor(db, "federfuehrung"), { proposalId, reason: "" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await withdrawProposal(db, awo, { proposalId });
    await expect(
      rejectProposal(db, await demoActor(db, "federfuehrung"), { proposalId, reason: "nein" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
