import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { concepts, notificationPreferences, notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { parseOrThrow } from "@/lib/validation/parse";
import { NOTIFICATION_KINDS, type NotificationKind } from "./notification-kinds";

export const INBOX_PAGE_SIZE = 50;

/** The actor's own notifications, newest first; only ever the actor's rows. */
export async function listInbox(db: Db, actor: Actor, options: { unreadOnly?: boolean } = {}) {
  return db
    .select({ n: notifications, conceptTitle: concepts.title })
    .from(notifications)
    .leftJoin(concepts, eq(concepts.id, notifications.conceptId))
    .where(and(eq(notifications.userId, actor.id), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(INBOX_PAGE_SIZE);
}

const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().default(false) });

/** Marks some or all of the actor's notifications as read; ids of other users are silently not matched. */
export async function markNotificationsRead(db: Db, actor: Actor, input: unknown): Promise<number> {
  const data = parseOrThrow(ZMarkRead, input);
  if (!data.all && !data.ids?.length) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.id),
        isNull(notifications.readAt),
        data.all ? undefined : inArray(notifications.id, data.ids!),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function getEmailPreferences(db: Db, actor: Actor): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.email ?? true]),
  ) as Record<NotificationKind, boolean>;
}

/** A preference of the user's own (not an audited change): e-mail on or off per kind. */
export async function setEmailPreferences(db: Db, actor: Actor, emailOn: NotificationKind[]): Promise<void> {
  const on = new Set(emailOn.filter((k) => (NOTIFICATION_KINDS as readonly string[]).includes(k)));
  await db.transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: actor.id, kind, email: on.has(kind) })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { email: on.has(kind) },
        });
    }
  });
}
