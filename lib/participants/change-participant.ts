import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { conceptParticipants, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, notFound } from "@/lib/errors";
import { participantRolesForOrganisation } from "@/lib/permissions/permissions";
import { assertKeepsLead, lockConcept, requireParticipantManager } from "./participant-rules";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZChangeParticipantRole, ZRemoveParticipant } from "./participant-schemas";

async function loadParticipant(db: Db | Tx, conceptId: string, participantId: string) {
  const [row] = await db
    .select({
      id: conceptParticipants.id,
      role: conceptParticipants.role,
      userName: users.name,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(conceptParticipants)
    .leftJoin(users, eq(users.id, conceptParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, conceptParticipants.organisationId))
    .where(and(eq(conceptParticipants.id, participantId), eq(conceptParticipants.conceptId, conceptId)));
  if (!row) throw notFound();
  return { ...row, name: (row.userName ?? row.organisationName)! };
}

/** A new role for a participant; the last active lead keeps theirs. */
export async function changeParticipantRole(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZChangeParticipantRole, rawInput);
  await requireParticipantManager(db, actor, input.conceptId);
  await db.transaction(async (tx) => {
    await lockConcept(tx, input.conceptId);
    const before = await loadParticipant(tx, input.conceptId, input.participantId);
    if (before.role === input.role) return;
    if (before.organisationKind && !participantRolesForOrganisation(before.organisationKind).includes(input.role)) {
      throw new AppError(
        "VALIDATION",
        "appError.participant.roleNotForKind",
        {},
        {
          role: "appError.participant.roleNotForKind",
        },
      );
    }
    await assertKeepsLead(tx, input.conceptId, { kind: "setRole", participantId: before.id, role: input.role }, "role");
    await tx.update(conceptParticipants).set({ role: input.role }).where(eq(conceptParticipants.id, before.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "participant.role_changed",
      objectType: "participant",
      objectId: before.id,
      conceptId: input.conceptId,
      summary: { name: before.name, before: { role: before.role }, after: { role: input.role } },
    });
  });
}

/**
 * Ends a participation. What the person or organisation wrote stays, attributed to them: revisions and
 * comments point at users and organisations, not at participations.
 */
export async function removeParticipant(
  db: Db,
  actor: Actor,
  rawInput: unknown,
): Promise<{ removedOwnAccess: boolean }> {
  const input = parseOrThrow(ZRemoveParticipant, rawInput);
  await requireParticipantManager(db, actor, input.conceptId);
  await db.transaction(async (tx) => {
    await lockConcept(tx, input.conceptId);
    const before = await loadParticipant(tx, input.conceptId, input.participantId);
    await assertKeepsLead(tx, input.conceptId, { kind: "remove", participantId: before.id }, "_form");
    await tx.delete(conceptParticipants).where(eq(conceptParticipants.id, before.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "participant.removed",
      objectType: "participant",
      objectId: before.id,
      conceptId: input.conceptId,
      summary: { before: { name: before.name, role: before.role } },
    });
  });
  const access = await loadConceptAccess(db, { ...actor, isAdmin: false }, input.conceptId);
  return { removedOwnAccess: !actor.isAdmin && !access.role };
}
