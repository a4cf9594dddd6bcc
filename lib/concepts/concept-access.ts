import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { conceptParticipants, concepts, consultations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { can, strongestRole, type Action, type ConceptRole, type ConceptStatus, type Subject } from "@/lib/permissions/permissions";

export type ConceptRow = typeof concepts.$inferSelect;
export type ConceptAccess = { concept: ConceptRow; role: ConceptRole | null; subject: Subject };

/** SQL columns computing the actor's roles in each selected concept (direct, via organisation, committee). */
export function roleColumns(actor: Actor) {
  const orgIds = actor.organisations.map((o) => o.id);
  return {
    roles: sql<ConceptRole[] | null>`(
        select array_agg(${conceptParticipants.role}::text) from ${conceptParticipants}
        where ${conceptParticipants.conceptId} = ${concepts.id}
          and (${conceptParticipants.userId} = ${actor.id}
               ${orgIds.length ? sql`or ${inArray(conceptParticipants.organisationId, orgIds)}` : sql``}))`,
    inBeratungsfolge: orgIds.length
      ? sql<boolean>`exists (select 1 from ${consultations} where ${consultations.conceptId} = ${concepts.id} and ${inArray(consultations.committeeId, orgIds)})`
      : sql<boolean>`false`,
  };
}

export function toAccess(actor: Actor, concept: ConceptRow, roles: ConceptRole[] | null, inBeratungsfolge: boolean): ConceptAccess {
  const all: ConceptRole[] = [...(roles ?? [])];
  if (inBeratungsfolge) all.push("committee");
  const role = strongestRole(all);
  return { concept, role, subject: { isAdmin: actor.isAdmin, role, status: concept.status as ConceptStatus } };
}

/** The actor's role in one concept, or null when the concept does not exist. */
export async function getConceptAccess(db: Db, actor: Actor, conceptId: string): Promise<ConceptAccess | null> {
  const [row] = await db
    .select({ concept: concepts, ...roleColumns(actor) })
    .from(concepts)
    .where(eq(concepts.id, conceptId))
    .limit(1);
  return row ? toAccess(actor, row.concept, row.roles, row.inBeratungsfolge) : null;
}

/** Loads the concept and checks the action; unknown and forbidden both answer "not found". */
export async function requireConceptAccess(db: Db, actor: Actor, conceptId: string, action: Action): Promise<ConceptAccess> {
  const access = await getConceptAccess(db, actor, conceptId);
  if (!access || !can(action, access.subject)) throw notFound();
  return access;
}

/** SQL condition: the concept is visible to the actor on the start page (participant, or submitted committee). */
export function visibleConceptsWhere(actor: Actor) {
  const orgIds = actor.organisations.map((o) => o.id);
  const participates = sql`exists (select 1 from ${conceptParticipants} where ${conceptParticipants.conceptId} = ${concepts.id}
    and (${conceptParticipants.userId} = ${actor.id} ${orgIds.length ? sql`or ${inArray(conceptParticipants.organisationId, orgIds)}` : sql``}))`;
  if (!orgIds.length) return participates;
  const committee = and(
    inArray(concepts.status, ["eingereicht", "beraten", "abgeschlossen"]),
    sql`exists (select 1 from ${consultations} where ${consultations.conceptId} = ${concepts.id} and ${inArray(consultations.committeeId, orgIds)})`,
  );
  return or(participates, committee)!;
}
