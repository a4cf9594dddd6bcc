import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { userSessions } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "./load-actor";

/** A session lasts at most one working day from sign-in, like the cookie that carries it. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Opens a server-side session at sign-in (in the sign-in's transaction) and tidies the user's expired ones. */
export async function startUserSession(tx: Tx, userId: string, now = new Date()): Promise<string> {
  await tx
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), or(lt(userSessions.expiresAt, now), lt(userSessions.endedAt, now))));
  const [row] = await tx
    .insert(userSessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * "Abmelden": ends this one session on the server, so a copy of its cookie no longer works. Ending a session
 * that is already over (or unknown) changes nothing and records nothing.
 */
export async function endUserSession(db: Db, session: { userId: string; sessionId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: new Date() })
      .where(
        and(
          eq(userSessions.id, session.sessionId),
          eq(userSessions.userId, session.userId),
          isNull(userSessions.endedAt),
        ),
      )
      .returning({ id: userSessions.id });
    if (ended.length === 0) return;
    await recordAuditEvent(tx, {
      actorId: session.userId,
      action: "auth.sign_out",
      objectType: "user",
      objectId: session.userId,
    });
  });
}

/** "Überall abmelden": ends every open session of the actor — other browsers and devices included. */
export async function endAllUserSessions(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: new Date() })
      .where(and(eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)))
      .returning({ id: userSessions.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "auth.sign_out_everywhere",
      objectType: "user",
      objectId: actor.id,
      summary: { sessions: ended.length },
    });
    return ended.length;
  });
}
