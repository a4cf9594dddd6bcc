import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { conceptParticipants, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { listOrganisationOptions } from "@/lib/organisations/list-organisations";
import { can } from "@/lib/permissions/permissions";
import { organisationsWithoutSigner } from "@/lib/permissions/signers";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";

/** The participants page: who takes part, and — for the lead and admins — what can be added. */
export async function listParticipants(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readParticipants");
  const rows = await db
    .select({
      id: conceptParticipants.id,
      role: conceptParticipants.role,
      createdAt: conceptParticipants.createdAt,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      userActive: users.active,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationActive: organisations.active,
      memberCount: sql<number | null>`(
        select count(*)::int from memberships m join users mu on mu.id = m.user_id
        where m.organisation_id = "concept_participants"."organisation_id" and mu.active)`,
    })
    .from(conceptParticipants)
    .leftJoin(users, eq(users.id, conceptParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, conceptParticipants.organisationId))
    .where(eq(conceptParticipants.conceptId, conceptId))
    .orderBy(asc(conceptParticipants.createdAt));
  // Organisations whose Mitzeichnung the concept needs but for which nobody may sign (flagged on the page).
  const required = await requiredOrganisations(db, conceptId);
  const withoutSigner = new Set(
    await organisationsWithoutSigner(
      db,
      required.map((o) => o.id),
    ),
  );
  const participants = rows.map((r) => ({
    id: r.id,
    role: r.role,
    kind: r.userId ? ("user" as const) : ("organisation" as const),
    name: (r.userName ?? r.organisationName)!,
    email: r.userId ? r.userEmail : null,
    organisationKind: r.userId ? null : r.organisationKind,
    memberCount: r.userId ? null : r.memberCount,
    active: r.userId ? r.userActive! : r.organisationActive!,
    noSigner: r.organisationId !== null && withoutSigner.has(r.organisationId),
  }));
  const mayManage = can("concept.manageParticipants", access.subject);
  const options = mayManage
    ? {
        users: await db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            organisations: sql<
              string | null
            >`(select string_agg(o.short_name, ', ' order by o.short_name) from memberships m join organisations o on o.id = m.organisation_id where m.user_id = "users"."id" and o.active)`,
          })
          .from(users)
          .where(eq(users.active, true))
          .orderBy(asc(users.name)),
        organisations: await listOrganisationOptions(db),
      }
    : null;
  return {
    concept: { id: access.concept.id, title: access.concept.title, mandateReference: access.concept.mandateReference },
    participants,
    mayManage,
    readsConcept: can("concept.readDrafts", access.subject),
    options,
  };
}
