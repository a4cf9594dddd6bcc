import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import {
  conceptParticipants,
  memberships,
  notificationPreferences,
  notifications,
  signoffDeputies,
  users,
} from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { noticeMail, renderNoticeText, type NoticeText } from "@/lib/mail/mail-templates";
import type { NotificationKind } from "./notification-kinds";

export type Notice = {
  kind: NotificationKind;
  conceptId: string;
  /** Rendered per recipient in their language; parameters carry names and user text verbatim. */
  title: NoticeText;
  body: NoticeText;
  /** Path inside the app, e.g. /konzepte/…/abschnitte/…#thread-… */
  link: string;
  /** Only the Verwaltung side (lead, authors) may receive it: internal threads. */
  internal: boolean;
};

/**
 * Writes in-app notifications and queues e-mails, inside the caller's transaction (so they exist exactly
 * when the change does). Recipients are filtered to active participants of the concept — and to the
 * Verwaltung side for internal content — and never include the actor. Delivery happens after commit and
 * cannot break the action.
 */
export async function notify(tx: Tx, actorId: string, recipientIds: Iterable<string>, notice: Notice): Promise<number> {
  const candidates = [...new Set(recipientIds)].filter((id) => id !== actorId);
  if (!candidates.length) return 0;
  const allowedRoles = notice.internal ? ["lead", "author"] : ["lead", "author", "contributor"];
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        inArray(users.id, candidates),
        eq(users.active, true),
        sql`exists (select 1 from ${conceptParticipants} cp
          where cp.concept_id = ${notice.conceptId} and cp.role::text in (${sql.join(
            allowedRoles.map((r) => sql`${r}`),
            sql`, `,
          )})
            and (cp.user_id = "users"."id" or cp.organisation_id in (select m.organisation_id from ${memberships} m where m.user_id = "users"."id")
                 or (${sql.raw(notice.internal ? "false" : "true")} and cp.organisation_id in (select d.organisation_id from ${signoffDeputies} d where d.user_id = "users"."id"))))`,
      ),
    );
  if (!recipients.length) return 0;
  const texts = new Map(
    recipients.map((r) => [
      r.id,
      {
        title: renderNoticeText(r.locale, notice.title).slice(0, 300),
        body: renderNoticeText(r.locale, notice.body).slice(0, 2000),
      },
    ]),
  );
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      conceptId: notice.conceptId,
      ...texts.get(r.id)!,
      link: notice.link,
    })),
  );
  const optedOut = await tx
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        inArray(
          notificationPreferences.userId,
          recipients.map((r) => r.id),
        ),
        eq(notificationPreferences.kind, notice.kind),
        eq(notificationPreferences.email, false),
      ),
    );
  const skip = new Set(optedOut.map((o) => o.userId));
  for (const r of recipients) {
    if (skip.has(r.id)) continue;
    await enqueueMail(
      tx,
      noticeMail({ to: r.email, locale: r.locale, ...texts.get(r.id)!, link: appUrl(notice.link) }),
    );
  }
  return recipients.length;
}

/** Active members of the given organisations. */
export async function membersOf(tx: Tx, organisationIds: string[]): Promise<string[]> {
  if (!organisationIds.length) return [];
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.organisationId, organisationIds));
  return rows.map((r) => r.userId);
}

/** The concept's Federführung: people taking part as lead, directly or through their organisation. */
export async function leadsOf(tx: Db | Tx, conceptId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: users.id })
    .from(users)
    .where(
      sql`exists (select 1 from ${conceptParticipants} cp where cp.concept_id = ${conceptId} and cp.role = 'lead'
        and (cp.user_id = "users"."id" or cp.organisation_id in (select m.organisation_id from ${memberships} m where m.user_id = "users"."id")))`,
    );
  return rows.map((r) => r.userId);
}
