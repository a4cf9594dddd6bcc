import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { breakGlassGrants, conceptParticipants, memberships, notifications, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { parseOrThrow } from "@/lib/validation/parse";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { appUrl } from "@/lib/mail/app-url";
import { noticeMail, renderNoticeText } from "@/lib/mail/mail-templates";
import { wakeOutboxWorker } from "@/lib/mail/outbox-worker";
import { globalSubjectOf } from "@/lib/permissions/assert-can-globally";
import { canGlobally } from "@/lib/permissions/permissions";
import { loadConceptAccess } from "./concept-access";
import { notFound } from "@/lib/errors";
import { ZOpenBreakGlass } from "./break-glass-schemas";

/** How long one break-glass access lasts: long enough to take a backup and look at the Protokoll. */
export const BREAK_GLASS_MINUTES = 60;

/**
 * An administrator opens the backup and the Protokoll of a concept they take no part in (docs/decisions/0011):
 * with a reason, for BREAK_GLASS_MINUTES, audited, and every active lead is told at once in the inbox and by
 * e-mail (which no one can switch off). The concept's pages and sections stay closed.
 */
export async function openBreakGlass(db: Db, actor: Actor, raw: unknown) {
  // Not an admin: the same answer as for an unknown concept, so the form reveals nothing.
  if (!canGlobally("admin.concepts", globalSubjectOf(actor))) throw notFound();
  const input = parseOrThrow(ZOpenBreakGlass, raw);
  const access = await loadConceptAccess(db, actor, input.conceptId);
  const opened = await db.transaction(async (tx) => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
    const [grant] = await tx
      .insert(breakGlassGrants)
      .values({ conceptId: input.conceptId, userId: actor.id, reason: input.reason, createdAt: now, expiresAt })
      .returning({ id: breakGlassGrants.id });
    const notified = await tellLeads(tx, actor, access.concept, input.reason, expiresAt);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "concept.break_glass_opened",
      objectType: "concept",
      objectId: input.conceptId,
      conceptId: input.conceptId,
      summary: {
        grantId: grant!.id,
        reason: input.reason,
        expiresAt: expiresAt.toISOString(),
        leadsNotified: notified,
      },
    });
    return { conceptId: input.conceptId, grantId: grant!.id, expiresAt, leadsNotified: notified };
  });
  // The leads' e-mails go out now, not at the outbox's next tick.
  if (opened.leadsNotified > 0) wakeOutboxWorker();
  return opened;
}

/** The actor's open break-glass grant for the concept, if any (for audit records and the page). */
export async function findOpenBreakGlass(db: Db | Tx, actor: Actor, conceptId: string) {
  if (!actor.isAdmin) return null;
  const [grant] = await db
    .select({ id: breakGlassGrants.id, expiresAt: breakGlassGrants.expiresAt })
    .from(breakGlassGrants)
    .where(
      and(
        eq(breakGlassGrants.conceptId, conceptId),
        eq(breakGlassGrants.userId, actor.id),
        gt(breakGlassGrants.expiresAt, sql`now()`),
      ),
    )
    .orderBy(sql`${breakGlassGrants.expiresAt} desc`)
    .limit(1);
  return grant ?? null;
}

async function tellLeads(
  tx: Tx,
  actor: Actor,
  concept: { id: string; title: string },
  reason: string,
  expiresAt: Date,
): Promise<number> {
  const leads = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`exists (select 1 from ${conceptParticipants} cp where cp.concept_id = ${concept.id} and cp.role = 'lead'
          and (cp.user_id = "users"."id" or cp.organisation_id in (select m.organisation_id from ${memberships} m where m.user_id = "users"."id")))`,
      ),
    );
  const recipients = leads.filter((l) => l.id !== actor.id);
  const until = new Intl.DateTimeFormat("de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(expiresAt);
  const link = `/konzepte/${concept.id}/protokoll?kategorie=concept`;
  for (const r of recipients) {
    const title = renderNoticeText(r.locale, {
      key: "breakGlassTitle",
      params: { concept: concept.title },
    }).slice(0, 300);
    const body = renderNoticeText(r.locale, {
      key: "breakGlassBody",
      params: { actor: actor.name, until, reason },
    }).slice(0, 2000);
    await tx
      .insert(notifications)
      .values({ userId: r.id, kind: "break_glass", conceptId: concept.id, title, body, link });
    // A security notice: sent whatever the person's e-mail preferences say.
    await enqueueMail(tx, noticeMail({ to: r.email, locale: r.locale, title, body, link: appUrl(link) }));
  }
  return recipients.length;
}
