import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, max, sql } from "drizzle-orm";
import { loadActor } from "@/lib/auth/load-actor";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";
import type { Db } from "@/db/connect";
import { conceptParticipants, concepts, fassungSections, memberships, signoffRounds, signoffs } from "@/db/schema";

/**
 * Tests and e2e only: brings a concept straight to "Freigegeben" with a completed Mitzeichnung round on a
 * freshly frozen Fassung, every required organisation having approved (the first one with remarks). The real
 * path through the workflow panel is built elsewhere; this stands in for it.
 */
export async function seedReleasedRound(
  db: Db,
  conceptId: string,
): Promise<{ fassungId: string; roundId: string; contentHash: string }> {
  const leadUserId = await findLeadUser(db, conceptId);
  const lead = await loadActor(db, leadUserId);
  if (!lead) throw new Error("lead user cannot act");
  const [{ n } = { n: 0 }] = await db
    .select({ n: max(signoffRounds.number) })
    .from(signoffRounds)
    .where(eq(signoffRounds.conceptId, conceptId));
  const number = (n ?? 0) + 1;
  const { fassungId } = await createFassung(db, lead, { conceptId, name: `Mitzeichnungsfassung ${number}` });
  const parts = await db
    .select({ revisionId: fassungSections.revisionId, position: fassungSections.position })
    .from(fassungSections)
    .where(eq(fassungSections.fassungId, fassungId))
    .orderBy(asc(fassungSections.position));
  const contentHash = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  const required = await requiredOrganisations(db, conceptId);
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(signoffRounds)
      .values({
        conceptId,
        fassungId,
        number,
        status: "completed",
        contentHash,
        startedBy: leadUserId,
        closedAt: new Date(),
      })
      .returning({ id: signoffRounds.id });
    for (const [i, org] of required.entries()) {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organisationId, org.id), eq(memberships.maySignOff, true)))
        .limit(1);
      await tx.insert(signoffs).values({
        roundId: round!.id,
        organisationId: org.id,
        userId: member?.userId ?? leadUserId,
        decision: i === 0 ? "zugestimmt_mit_anmerkungen" : "zugestimmt",
        remarks: i === 0 ? "Raumfrage in Bezirk 1 bis Herbst klären." : null,
        contentHash,
      });
    }
    await tx
      .update(concepts)
      .set({ status: "freigegeben", updatedAt: sql`now()` })
      .where(eq(concepts.id, conceptId));
    return { fassungId, roundId: round!.id, contentHash };
  });
}

async function findLeadUser(db: Db, conceptId: string): Promise<string> {
  const [direct] = await db
    .select({ userId: conceptParticipants.userId, organisationId: conceptParticipants.organisationId })
    .from(conceptParticipants)
    .where(and(eq(conceptParticipants.conceptId, conceptId), eq(conceptParticipants.role, "lead")))
    .orderBy(asc(conceptParticipants.createdAt))
    .limit(1);
  if (direct?.userId) return direct.userId;
  if (direct?.organisationId) {
    const [m] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organisationId, direct.organisationId))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (m) return m.userId;
  }
  throw new Error("concept has no lead");
}
