import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { globalSubjectOf } from "@/lib/permissions/assert-can-globally";
import { canGlobally } from "@/lib/permissions/permissions";
import { BREAK_GLASS_MINUTES, findOpenBreakGlass } from "./open-break-glass";

/** What the break-glass page shows an admin: title, reference and leads (administration data, no content). */
export async function getBreakGlassTarget(db: Db, actor: Actor, conceptId: string) {
  if (!canGlobally("admin.concepts", globalSubjectOf(actor))) throw notFound();
  const [row] = await db
    .select({
      title: concepts.title,
      mandateReference: concepts.mandateReference,
      leads: sql<string | null>`(
        select string_agg(coalesce(u.name, o.name), ', ' order by coalesce(u.name, o.name))
        from concept_participants cp
        left join users u on u.id = cp.user_id and u.active
        left join organisations o on o.id = cp.organisation_id and o.active
        where cp.concept_id = "concepts"."id" and cp.role = 'lead' and (u.id is not null or o.id is not null))`,
    })
    .from(concepts)
    .where(eq(concepts.id, conceptId));
  if (!row) throw notFound();
  const open = await findOpenBreakGlass(db, actor, conceptId);
  return { ...row, minutes: BREAK_GLASS_MINUTES, openUntil: open?.expiresAt ?? null };
}
