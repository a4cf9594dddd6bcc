import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { assertDeactivationKeepsLeads } from "@/lib/participants/participant-rules";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSetOrganisationActive } from "./organisation-schemas";

/**
 * Organisations are never deleted once created: sections, revisions and sign-offs keep pointing at them.
 * A deactivated organisation disappears from every choice, and its members lose the access it gave them.
 */
export async function setOrganisationActive(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZSetOrganisationActive, rawInput);
  assertCanGlobally(actor, "admin.organisations");
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: organisations.id, active: organisations.active, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId))
      .for("update");
    if (!before) throw notFound();
    if (before.active === input.active) return;
    if (!input.active) await assertDeactivationKeepsLeads(tx, { organisationId: before.id }, "_form");
    await tx
      .update(organisations)
      .set({ active: input.active, updatedAt: new Date() })
      .where(eq(organisations.id, before.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.active ? "organisation.reactivated" : "organisation.deactivated",
      objectType: "organisation",
      objectId: before.id,
      summary: { name: before.name, before: { active: before.active }, after: { active: input.active } },
    });
  });
}
