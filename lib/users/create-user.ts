import "server-only";
import type { Db } from "@/db/connect";
import { memberships, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { wakeOutboxWorker } from "@/lib/mail/outbox-worker";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { issueOneTimeLink } from "./issue-one-time-link";
import { DUPLICATE_EMAIL, assertEmailFree, loadActiveOrganisations } from "./user-rules";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZCreateUser } from "./user-admin-schemas";

/** An admin creates a person: with an initial password, or with a one-time link sent through the outbox. */
export async function createUser(db: Db, actor: Actor, rawInput: unknown): Promise<{ id: string; linkSent: boolean }> {
  const input = parseOrThrow(ZCreateUser, rawInput);
  assertCanGlobally(actor, "admin.users");
  const passwordHash = input.access === "password" ? await hashPassword(input.password!) : null;
  try {
    const result = await db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const orgs = await loadActiveOrganisations(tx, input.organisationIds);
      const [user] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          passwordHash,
          isAdmin: input.isAdmin,
          canCreateConcepts: input.canCreateConcepts,
        })
        .returning();
      await tx.insert(memberships).values(orgs.map((o) => ({ userId: user!.id, organisationId: o.id })));
      const link = input.access === "link" ? await issueOneTimeLink(tx, user!, "invitation") : null;
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "user.created",
        objectType: "user",
        objectId: user!.id,
        summary: {
          after: {
            name: input.name,
            email: input.email,
            isAdmin: input.isAdmin,
            canCreateConcepts: input.canCreateConcepts,
            organisations: orgs.map((o) => o.name).sort(),
          },
          access: input.access,
          ...(link ? { linkExpiresAt: link.expiresAt.toISOString() } : {}),
        },
      });
      return { id: user!.id, linkSent: link !== null };
    });
    if (result.linkSent) wakeOutboxWorker();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", DUPLICATE_EMAIL, {}, { email: DUPLICATE_EMAIL });
    throw error;
  }
}
