import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, concepts, fassungen, sections, signoffRounds } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import type { Actor } from "@/lib/auth/load-actor";
import { saveSection } from "@/lib/sections/save-section";
import { fassungContentHash } from "@/lib/workflow/fassung-content-hash";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { signOff } from "@/lib/workflow/sign-off";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { agreeAllSections, freshConcept, paragraph } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: Actor, awo: Actor, diakonie: Actor, jugendamt: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  lead = await demoActor(database.db, "federfuehrung");
  awo = await demoActor(database.db, "awo");
  diakonie = await demoActor(database.db, "diakonie");
  jugendamt = await demoActor(database.db, "jugendamt");
});
afterAll(async () => database?.cleanup());

const status = async (conceptId: string) =>
  (await database.db.select({ s: concepts.status }).from(concepts).where(eq(concepts.id, conceptId)))[0]!.s;
const openRound = async (conceptId: string) =>
  (
    await database.db
      .select()
      .from(signoffRounds)
      .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")))
  )[0];

/** A concept in Mitzeichnung whose required organisations are the four demo organisations. */
async function inMitzeichnung() {
  const db = database.db;
  const { conceptId } = await freshConcept(db);
  await setRequiredSignoffs(db, lead, {
    conceptId,
    organisationIds: [lead, awo, diakonie, jugendamt].map((a) => a.organisations[0]!.id),
  });
  await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
  await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
  await agreeAllSections(db, lead, conceptId);
  await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
  return { conceptId, round: (await openRound(conceptId))! };
}

describe("guarded concept transitions", () => {
  it("lets exactly one of 10 parallel open_consultation win; the rest are conflicts; one audit event", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => transitionConcept(db, lead, { conceptId, transition: "open_consultation" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await status(conceptId)).toBe("konsultation");
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.conceptId, conceptId), eq(auditEvents.action, "concept.status_changed")));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({
      transition: "open_consultation",
      before: "entwurf",
      after: "konsultation",
    });
  });

  it("refuses start_signoff with the reasons, for non-leads and from the wrong state; nothing changes", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await expect(transitionConcept(db, lead, { conceptId, transition: "start_signoff" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
    await expect(transitionConcept(db, lead, { conceptId, transition: "start_signoff" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "„Mitzeichnung starten“ ist noch nicht möglich: 8 Abschnitte noch nicht abgestimmt.",
    });
    await agreeAllSections(db, lead, conceptId);
    await expect(transitionConcept(db, awo, { conceptId, transition: "start_signoff" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(transitionConcept(db, lead, { conceptId, transition: "reject_signoff" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await status(conceptId)).toBe("ueberarbeitung");
    expect(await openRound(conceptId)).toBeUndefined();
    await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
    const round = (await openRound(conceptId))!;
    const [fassung] = await db.select().from(fassungen).where(eq(fassungen.id, round.fassungId));
    expect(fassung!.name).toBe("Mitzeichnungsfassung 1");
    expect(round.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(round.contentHash).toBe(await fassungContentHash(db, round.fassungId));
  });
});

describe("Mitzeichnung", () => {
  it("keeps the Fassung byte-identical: saves and section moves are refused while frozen", async () => {
    const db = database.db;
    const { conceptId, round } = await inMitzeichnung();
    const [s] = await db.select().from(sections).where(eq(sections.conceptId, conceptId)).limit(1);
    for (const actor of [lead, jugendamt]) {
      await expect(
        saveSection(db, actor, {
          conceptId,
          sectionId: s!.id,
          baseVersion: s!.version,
          content: paragraph("geändert"),
        }),
      ).rejects.toMatchObject({
        code: expect.stringMatching(/CONCEPT_FROZEN|FORBIDDEN/),
      });
    }
    await expect(
      setSectionStatus(db, lead, { conceptId, sectionId: s!.id, from: "abgestimmt", to: "entwurf" }),
    ).rejects.toBeTruthy();
    expect(await fassungContentHash(db, round.fassungId)).toBe(round.contentHash);
  });

  it("refuses a sign-off on a stale Fassung and a second one for the same organisation", async () => {
    const db = database.db;
    const { conceptId, round } = await inMitzeichnung();
    await expect(
      signOff(db, awo, { conceptId, roundId: round.id, contentHash: "0".repeat(64), decision: "zugestimmt" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Diese Fassung ist nicht mehr aktuell"),
    });
    await signOff(db, diakonie, {
      conceptId,
      roundId: round.id,
      contentHash: round.contentHash,
      decision: "zugestimmt",
    });
    await expect(
      signOff(db, diakonie, { conceptId, roundId: round.id, contentHash: round.contentHash, decision: "zugestimmt" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("bereits mitgezeichnet von"),
    });
    await expect(
      signOff(db, awo, { conceptId, roundId: round.id, contentHash: round.contentHash, decision: "abgelehnt" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("one rejection voids the round and returns to Überarbeitung; the old round is then stale", async () => {
    const db = database.db;
    const { conceptId, round } = await inMitzeichnung();
    await signOff(db, jugendamt, {
      conceptId,
      roundId: round.id,
      contentHash: round.contentHash,
      decision: "zugestimmt_mit_anmerkungen",
      remarks: "Bitte Zahlen prüfen.",
    });
    const result = await signOff(db, awo, {
      conceptId,
      roundId: round.id,
      contentHash: round.contentHash,
      decision: "abgelehnt",
      remarks: "Standort Garath fehlt.",
    });
    expect(result.rejected).toBe(true);
    expect(await status(conceptId)).toBe("ueberarbeitung");
    const [voided] = await db.select().from(signoffRounds).where(eq(signoffRounds.id, round.id));
    expect(voided).toMatchObject({
      status: "voided",
      voidReason: "Abgelehnt von AWO Düsseldorf: Standort Garath fehlt.",
    });
    await expect(
      signOff(db, diakonie, { conceptId, roundId: round.id, contentHash: round.contentHash, decision: "zugestimmt" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Diese Fassung ist nicht mehr aktuell"),
    });
    await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
    expect((await openRound(conceptId))!.number).toBe(2);
  });

  it("release is blocked until every required organisation approved, then completes the round", async () => {
    const db = database.db;
    const { conceptId, round } = await inMitzeichnung();
    for (const actor of [lead, jugendamt, diakonie])
      await signOff(db, actor, {
        conceptId,
        roundId: round.id,
        contentHash: round.contentHash,
        decision: "zugestimmt",
      });
    await expect(transitionConcept(db, lead, { conceptId, transition: "release" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "„Freigeben“ ist noch nicht möglich: Mitzeichnung AWO Düsseldorf fehlt.",
    });
    await signOff(db, awo, { conceptId, roundId: round.id, contentHash: round.contentHash, decision: "zugestimmt" });
    await transitionConcept(db, lead, { conceptId, transition: "release" });
    expect(await status(conceptId)).toBe("freigegeben");
    const [done] = await db.select().from(signoffRounds).where(eq(signoffRounds.id, round.id));
    expect(done!.status).toBe("completed");
    expect(await fassungContentHash(db, round.fassungId)).toBe(round.contentHash);
  });

  it("lets the lead reopen: the round is voided and kept; required organisations are editable again", async () => {
    const db = database.db;
    const { conceptId, round } = await inMitzeichnung();
    await expect(
      setRequiredSignoffs(db, lead, { conceptId, organisationIds: [awo.organisations[0]!.id] }),
    ).rejects.toMatchObject({ code: "CONCEPT_FROZEN" });
    await transitionConcept(db, lead, {
      conceptId,
      transition: "reopen_after_signoff",
      reason: "Zahlen aktualisieren",
    });
    const [voided] = await db.select().from(signoffRounds).where(eq(signoffRounds.id, round.id));
    expect(voided).toMatchObject({ status: "voided", voidReason: "Zahlen aktualisieren" });
    await setRequiredSignoffs(db, lead, { conceptId, organisationIds: [awo.organisations[0]!.id] });
  });
});
