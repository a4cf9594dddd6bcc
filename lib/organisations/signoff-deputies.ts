import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations, signoffDeputies, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { mayNameDeputies } from "@/lib/permissions/permissions";
import { signersOf } from "@/lib/permissions/signers";
import { parseOrThrow } from "@/lib/validation/parse";

const ZNameDeputy = z.object({
  organisationId: z.uuid("appError.common.notFound"),
  email: z.string().trim().toLowerCase().email("appError.deputy.emailInvalid").max(320, "appError.deputy.emailInvalid"),
});
const ZRemoveDeputy = z.object({
  organisationId: z.uuid("appError.common.notFound"),
  userId: z.uuid("appError.common.notFound"),
});

/** The organisations for which the actor may name deputies, each with its signers and deputies. */
export async function listDeputyAdministration(db: Db, actor: Actor) {
  const orgs = actor.isAdmin
    ? []
    : actor.organisations.filter((o) => mayNameDeputies(actor, o.id)).map((o) => ({ id: o.id, name: o.name }));
  const signers = await signersOf(
    db,
    orgs.map((o) => o.id),
  );
  return orgs.map((o) => ({
    ...o,
    signers: signers.filter((s) => s.organisationId === o.id && s.capacity === "member"),
    deputies: signers.filter((s) => s.organisationId === o.id && s.capacity === "deputy"),
  }));
}

/** The deputies of one organisation (administration page), oldest first. */
export async function listDeputies(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, active: users.active })
    .from(signoffDeputies)
    .innerJoin(users, eq(users.id, signoffDeputies.userId))
    .where(eq(signoffDeputies.organisationId, organisationId))
    .orderBy(asc(signoffDeputies.createdAt));
}

/**
 * An administrator or one of the organisation's own signers names a deputy (Vertretung) by e-mail address: from then
 * on that person may sign off for the organisation (`maySignFor`). Audited; a person who may already sign is refused.
 */
export async function nameDeputy(db: Db, actor: Actor, input: unknown): Promise<{ name: string }> {
  const data = parseOrThrow(ZNameDeputy, input);
  if (!mayNameDeputies(actor, data.organisationId)) throw forbidden("appError.deputy.forbidden");
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        active: organisations.active,
      })
      .from(organisations)
      .where(eq(organisations.id, data.organisationId));
    if (!organisation || !organisation.active || organisation.kind === "gremium") throw notFound();
    const [person] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${data.email}`, eq(users.active, true)));
    if (!person)
      throw new AppError("VALIDATION", "appError.deputy.unknownPerson", {}, { email: "appError.deputy.unknownPerson" });
    const signers = await signersOf(tx, [organisation.id]);
    if (signers.some((s) => s.userId === person.id))
      throw new AppError("CONFLICT", "appError.deputy.alreadySigner", {
        name: person.name,
        organisation: organisation.name,
      });
    await tx.insert(signoffDeputies).values({ organisationId: organisation.id, userId: person.id, namedBy: actor.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "organisation.deputy_named",
      objectType: "organisation",
      objectId: organisation.id,
      summary: { organisation: organisation.name, deputy: person.name, deputyId: person.id },
    });
    return { name: person.name };
  });
}

/** Ends a deputy's Vertretung; the same people may as may name one. Idempotent. */
export async function removeDeputy(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZRemoveDeputy, input);
  if (!mayNameDeputies(actor, data.organisationId)) throw forbidden("appError.deputy.forbidden");
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(signoffDeputies)
      .where(and(eq(signoffDeputies.organisationId, data.organisationId), eq(signoffDeputies.userId, data.userId)))
      .returning({ userId: signoffDeputies.userId });
    // Ending a Vertretung that no longer exists (ended meanwhile) changes nothing and records nothing.
    if (!removed.length) return;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "organisation.deputy_removed",
      objectType: "organisation",
      objectId: data.organisationId,
      summary: { deputyId: data.userId },
    });
  });
}
