import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { consultations, memberships, notificationPreferences, notifications, users } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import type { NotificationKind } from "@/lib/notifications/notification-kinds";

export type CommitteeNotice = { conceptId: string; title: string; body: string; link: string };

/**
 * notify() reaches participants only; committee members are not participants, they read a concept through the
 * Beratungsfolge. This writes their in-app notification and queues their mail, in the caller's transaction.
 */
export async function notifyCommitteeMembers(tx: Tx, actorId: string, notice: CommitteeNotice): Promise<number> {
  const recipients = await tx
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        sql`${users.id} <> ${actorId}`,
        inArray(
          memberships.organisationId,
          tx
            .select({ id: consultations.committeeId })
            .from(consultations)
            .where(eq(consultations.conceptId, notice.conceptId)),
        ),
      ),
    );
  if (!recipients.length) return 0;
  const kind: NotificationKind = "committee";
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.id,
      kind,
      conceptId: notice.conceptId,
      title: notice.title.slice(0, 300),
      body: notice.body.slice(0, 2000),
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
        eq(notificationPreferences.kind, kind),
        eq(notificationPreferences.email, false),
      ),
    );
  const skip = new Set(optedOut.map((o) => o.userId));
  for (const r of recipients) {
    if (skip.has(r.id)) continue;
    await enqueueMail(tx, {
      to: r.email,
      subject: `Konzeptwerk: ${notice.title}`,
      text: `${notice.body}\n\nZum Lesesaal: ${appUrl(notice.link)}\n\nSie erhalten diese E-Mail, weil Ihr Gremium in der Beratungsfolge dieser Vorlage steht.`,
    });
  }
  return recipients.length;
}
