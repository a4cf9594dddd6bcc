import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { loadActor } from "@/lib/auth/load-actor";
import { listMyConceptPlans } from "@/lib/concepts/list-my-concepts";
import { appUrl } from "@/lib/mail/app-url";
import { renderIcal, type IcalEvent } from "./ical";

const LABEL = {
  konsultationsende: "Ende der Konsultation",
  mitzeichnung: "Mitzeichnung abgeschlossen",
  vorlagenfrist: "Vorlagenfrist",
  sitzung: "Sitzung",
  auftragsfrist: "Frist des Ratsauftrags",
} as const;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates (or replaces) the user's secret feed URL; only its hash is stored, so it is shown once. */
export async function createCalendarToken(db: Db, actor: Actor): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ calendarTokenHash: hashToken(token), updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.calendar_token_created",
      objectType: "user",
      objectId: actor.id,
    });
  });
  return appUrl(`/api/calendar/${token}`);
}

export async function revokeCalendarToken(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ calendarTokenHash: null, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.calendar_token_revoked",
      objectType: "user",
      objectId: actor.id,
    });
  });
}

export async function hasCalendarToken(db: Db, actor: Actor): Promise<boolean> {
  const [row] = await db.select({ hash: users.calendarTokenHash }).from(users).where(eq(users.id, actor.id));
  return Boolean(row?.hash);
}

/** The ICS feed behind a token: the milestones of every concept the (active) user may read; null for unknown tokens. */
export async function calendarFeed(db: Db, token: string, today: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.calendarTokenHash, hashToken(token)), eq(users.active, true)));
  if (!user) return null;
  const actor = await loadActor(db, user.id);
  if (!actor) return null;
  const events: IcalEvent[] = [];
  for (const concept of await listMyConceptPlans(db, actor, today)) {
    for (const m of concept.plan.milestones) {
      events.push({
        uid: `${concept.id}-${m.kind}-${m.committee ?? "x"}@konzeptwerk`,
        date: m.date,
        summary: `${LABEL[m.kind]}${m.committee ? ` ${m.committee}` : ""}: ${concept.title}`,
        description: `${concept.mandateReference} – ${m.reached ? "erreicht" : m.overdue ? "überfällig" : "offen"}`,
        // A committee reads the submitted paper in the reading room; the drafting pages are not theirs (404).
        url: appUrl(concept.role === "committee" ? `/konzepte/${concept.id}/lesesaal` : `/konzepte/${concept.id}`),
      });
    }
  }
  return renderIcal(`Konzeptwerk – Fristen von ${actor.name}`, events);
}
