import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { conceptParticipants, concepts, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, fieldError } from "@/lib/errors";
import { LAST_LEAD_MESSAGE, keepsActiveLead, type ParticipantChange, type ParticipantState } from "./lead-invariant";

export async function requireParticipantManager(db: Db, actor: Actor, conceptId: string) {
  return requireConceptAccess(db, actor, conceptId, "concept.manageParticipants");
}

/** Locks the concept row, so participant changes of one concept run one after another. */
export async function lockConcept(tx: Tx, conceptId: string): Promise<void> {
  await tx.select({ id: concepts.id }).from(concepts).where(eq(concepts.id, conceptId)).for("update");
}

/** Every participant of the concept with whether its person or organisation is still active. */
export async function loadParticipantStates(tx: Tx, conceptId: string): Promise<ParticipantState[]> {
  const rows = await tx
    .select({
      id: conceptParticipants.id,
      role: conceptParticipants.role,
      userActive: users.active,
      organisationActive: organisations.active,
    })
    .from(conceptParticipants)
    .leftJoin(users, eq(users.id, conceptParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, conceptParticipants.organisationId))
    .where(eq(conceptParticipants.conceptId, conceptId));
  return rows.map((r) => ({ id: r.id, role: r.role, active: (r.userActive ?? r.organisationActive) === true }));
}

export async function assertKeepsLead(
  tx: Tx,
  conceptId: string,
  change: ParticipantChange,
  field: string,
): Promise<ParticipantState[]> {
  const states = await loadParticipantStates(tx, conceptId);
  if (!keepsActiveLead(states, change))
    throw new AppError("VALIDATION", LAST_LEAD_MESSAGE, {}, { [field]: LAST_LEAD_MESSAGE });
  return states;
}

/**
 * Deactivating a person or an organisation must not leave a running concept without an active lead.
 * Locks every concept where they lead (in id order, so two deactivations cannot deadlock) and refuses,
 * naming the concepts, when one of them would have no active lead left.
 */
export async function assertDeactivationKeepsLeads(
  tx: Tx,
  who: { userId: string } | { organisationId: string },
  field: string,
): Promise<void> {
  const leads = await tx
    .select({ participantId: conceptParticipants.id, conceptId: conceptParticipants.conceptId, title: concepts.title })
    .from(conceptParticipants)
    .innerJoin(concepts, eq(concepts.id, conceptParticipants.conceptId))
    .where(
      and(
        eq(conceptParticipants.role, "lead"),
        ne(concepts.status, "abgeschlossen"),
        "userId" in who
          ? eq(conceptParticipants.userId, who.userId)
          : eq(conceptParticipants.organisationId, who.organisationId),
      ),
    )
    .orderBy(asc(conceptParticipants.conceptId));
  const orphaned: string[] = [];
  for (const lead of leads) {
    await lockConcept(tx, lead.conceptId);
    const states = await loadParticipantStates(tx, lead.conceptId);
    if (!keepsActiveLead(states, { kind: "remove", participantId: lead.participantId })) orphaned.push(lead.title);
  }
  if (orphaned.length > 0) {
    throw fieldError(field, "appError.participant.lastLeadDeactivation", {
      titles: { join: ", ", items: orphaned.map((text) => ({ key: "appError.common.quoted", params: { text } })) },
    });
  }
}
