import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sectionPresence, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** A heartbeat older than this means the person has left; the editor beats every 10 s. */
export const PRESENCE_WINDOW_SECONDS = 30;
export type PresentPerson = { userId: string; name: string; organisations: string | null };

/** Who else has the section open for editing right now (query only; callers check access). */
export async function othersEditingSection(db: Db, actor: Actor, sectionId: string): Promise<PresentPerson[]> {
  return db
    .select({
      userId: sectionPresence.userId,
      name: users.name,
      organisations: sql<string | null>`(
        select string_agg(o.name, ', ' order by o.name) from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = "section_presence"."user_id")`,
    })
    .from(sectionPresence)
    .innerJoin(users, eq(users.id, sectionPresence.userId))
    .where(
      and(
        eq(sectionPresence.sectionId, sectionId),
        ne(sectionPresence.userId, actor.id),
        sql`"section_presence"."last_seen_at" > now() - make_interval(secs => ${PRESENCE_WINDOW_SECONDS})`,
      ),
    )
    .orderBy(users.name);
}
