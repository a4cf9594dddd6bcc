import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, notFound } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { DUPLICATE_EMAIL, assertEmailFree, assertKeepsActiveAdmin, loadActiveOrganisations } from "./user-rules";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZUpdateUser } from "./user-admin-schemas";

/** Name, e-mail, organisations and rights of a person; only admins, and never the last admin's flag. */
export async function updateUser(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZUpdateUser, rawInput);
  assertCanGlobally(actor, "admin.users");
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
      if (!before) throw notFound();
      if (before.isAdmin && !input.isAdmin)
        await assertKeepsActiveAdmin(tx, { userId: before.id, isAdmin: false }, "isAdmin");
      await assertEmailFree(tx, input.email, before.id);
      const currentOrgs = await tx
        .select({ id: organisations.id, name: organisations.name, active: organisations.active })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.userId, before.id));
      // The form offers active organisations only: memberships in deactivated ones stay as they are.
      const added = input.organisationIds.filter((id) => !currentOrgs.some((o) => o.id === id));
      const addedOrgs = added.length ? await loadActiveOrganisations(tx, added) : [];
      const removed = currentOrgs.filter((o) => o.active && !input.organisationIds.includes(o.id));
      if (removed.length)
        await tx.delete(memberships).where(
          and(
            eq(memberships.userId, before.id),
            inArray(
              memberships.organisationId,
              removed.map((o) => o.id),
            ),
          ),
        );
      if (addedOrgs.length)
        await tx.insert(memberships).values(addedOrgs.map((o) => ({ userId: before.id, organisationId: o.id })));
      const after = {
        name: input.name,
        email: input.email,
        isAdmin: input.isAdmin,
        canCreateConcepts: input.canCreateConcepts,
      };
      await tx
        .update(users)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(users.id, before.id));
      const afterOrgs = [...currentOrgs.filter((o) => !removed.includes(o)), ...addedOrgs].map((o) => o.name).sort();
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "user.updated",
        objectType: "user",
        objectId: before.id,
        summary: {
          before: {
            name: before.name,
            email: before.email,
            isAdmin: before.isAdmin,
            canCreateConcepts: before.canCreateConcepts,
            organisations: currentOrgs.map((o) => o.name).sort(),
          },
          after: { ...after, organisations: afterOrgs },
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", DUPLICATE_EMAIL, {}, { email: DUPLICATE_EMAIL });
    throw error;
  }
}
