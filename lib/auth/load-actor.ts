import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users, userSessions } from "@/db/schema";

export type OrganisationKind = "verwaltung" | "traeger" | "gremium";
export type Actor = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canCreateConcepts: boolean;
  locale: string;
  organisations: { id: string; name: string; kind: OrganisationKind; maySignOff: boolean }[];
  /** Active organisations for which the person is a named deputy (Vertretung) for the Mitzeichnung. */
  deputyFor?: { id: string; name: string }[];
};

/**
 * The active user with their active organisations; null when unknown, inactive or the session is outdated
 * (another session version) or over (its server-side row ended or expired: signed out, here or everywhere).
 */
export async function loadActor(
  db: Db,
  userId: string,
  sessionVersion?: string,
  sessionId?: string,
): Promise<Actor | null> {
  return (await readActor(db, { userId, sessionVersion, sessionId, withUnread: false }))?.actor ?? null;
}

/**
 * The same, with the number of the person's unread notifications for the page header — read in the same
 * statement, as every signed-in page needs both.
 */
export async function loadActorWithUnread(
  db: Db,
  userId: string,
  sessionVersion: string,
  sessionId: string,
): Promise<{ actor: Actor; unread: number } | null> {
  return readActor(db, { userId, sessionVersion, sessionId, withUnread: true });
}

async function readActor(
  db: Db,
  {
    userId,
    sessionVersion,
    sessionId,
    withUnread,
  }: { userId: string; sessionVersion?: string; sessionId?: string; withUnread: boolean },
): Promise<{ actor: Actor; unread: number } | null> {
  const conditions = [eq(users.id, userId), eq(users.active, true)];
  if (sessionVersion !== undefined) conditions.push(eq(users.sessionVersion, sessionVersion));
  if (sessionId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${userSessions} where ${userSessions.id} = ${sessionId} and ${userSessions.userId} = ${users.id} and ${userSessions.endedAt} is null and ${userSessions.expiresAt} > now())`,
    );
  // One round trip: the user with their organisations and deputyships as JSON (every signed-in request runs this).
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isAdmin: users.isAdmin,
      canCreateConcepts: users.canCreateConcepts,
      locale: users.locale,
      // Written out: in a one-table select drizzle drops the table from column names, "users"."id" included.
      orgs: sql`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'maySignOff', m.may_sign_off))
                 from memberships m join organisations o on o.id = m.organisation_id
                 where m.user_id = "users"."id" and o.active), '[]'::json)`.mapWith(fromJson<Actor["organisations"]>),
      deputyFor: sql`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name))
                      from signoff_deputies d join organisations o on o.id = d.organisation_id
                      where d.user_id = "users"."id" and o.active), '[]'::json)`.mapWith(
        fromJson<NonNullable<Actor["deputyFor"]>>,
      ),
      unread: withUnread
        ? sql<number>`(select count(*) from notifications n where n.user_id = "users"."id" and n.read_at is null)`.mapWith(
            Number,
          )
        : sql<number>`0`.mapWith(Number),
    })
    .from(users)
    .where(and(...conditions))
    .limit(1);
  if (!user) return null;
  const actor: Actor = {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    canCreateConcepts: user.canCreateConcepts,
    locale: user.locale,
    organisations: user.orgs,
    deputyFor: user.deputyFor,
  };
  return { actor, unread: user.unread };
}

/** A json column as the driver hands it over: postgres.js (as drizzle sets it up) leaves it text, PGlite parses it. */
function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
