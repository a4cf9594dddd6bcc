import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { conceptParticipants, memberships, organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type ResolvedMentions = { userIds: string[]; organisationIds: string[]; recipients: string[] };

/**
 * Mentions may name people and organisations taking part in the concept (directly or, for people, through
 * their organisation). Anything else is refused, so a mention cannot be used to reach outsiders.
 */
export async function resolveMentions(
  tx: Tx,
  conceptId: string,
  input: { users: string[]; organisations: string[] },
): Promise<ResolvedMentions> {
  const userIds = [...new Set(input.users)];
  const organisationIds = [...new Set(input.organisations)];
  if (!userIds.length && !organisationIds.length) return { userIds: [], organisationIds: [], recipients: [] };
  const participants = await tx
    .select({ userId: conceptParticipants.userId, organisationId: conceptParticipants.organisationId })
    .from(conceptParticipants)
    .where(eq(conceptParticipants.conceptId, conceptId));
  const participantOrgs = new Set(participants.map((p) => p.organisationId).filter(Boolean) as string[]);
  const participantUsers = new Set(participants.map((p) => p.userId).filter(Boolean) as string[]);
  const okOrgs = organisationIds.filter((id) => participantOrgs.has(id));
  const userRows = userIds.length
    ? await tx
        .select({ id: users.id, organisationId: memberships.organisationId })
        .from(users)
        .leftJoin(memberships, eq(memberships.userId, users.id))
        .where(and(inArray(users.id, userIds), eq(users.active, true)))
    : [];
  const okUsers = userIds.filter(
    (id) =>
      participantUsers.has(id) ||
      userRows.some((r) => r.id === id && r.organisationId && participantOrgs.has(r.organisationId)),
  );
  if (okOrgs.length !== organisationIds.length || okUsers.length !== userIds.length) {
    const message = "appError.comment.mentionNotParticipant";
    throw new AppError("VALIDATION", message, {}, { mentions: message });
  }
  const orgMembers = okOrgs.length
    ? await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(and(inArray(memberships.organisationId, okOrgs), eq(organisations.active, true)))
    : [];
  return {
    userIds: okUsers,
    organisationIds: okOrgs,
    recipients: [...new Set([...okUsers, ...orgMembers.map((m) => m.userId)])],
  };
}
