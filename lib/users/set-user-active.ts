import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { assertDeactivationKeepsLeads } from "@/lib/participants/participant-rules";
import { revokeOpenTokens } from "./issue-one-time-link";
import { newSessionVersion } from "./session-version";
import { assertKeepsActiveAdmin } from "./user-rules";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSetUserActive } from "./user-admin-schemas";

/**
 * Deactivation ends the person's sessions at their next request (new session version) and voids open links.
 * Nothing they wrote is touched. Admins cannot deactivate themselves, nor the last active admin, nor the last
 * active lead of a running concept.
 */
export async function setUserActive(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZSetUserActive, rawInput);
  assertCanGlobally(actor, "admin.users");
  if (!input.active && input.userId === actor.id) {
    throw new AppError(
      "VALIDATION",
      "appError.user.cannotDeactivateSelf",
      {},
      {
        _form: "appError.user.cannotDeactivateSelf",
      },
    );
  }
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: users.id, active: users.active, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!before) throw notFound();
    if (before.active === input.active) return;
    if (!input.active) {
      await assertKeepsActiveAdmin(tx, { userId: before.id, active: false }, "_form");
      await assertDeactivationKeepsLeads(tx, { userId: before.id }, "_form");
      await revokeOpenTokens(tx, before.id);
    }
    await tx
      .update(users)
      .set({
        active: input.active,
        updatedAt: new Date(),
        ...(input.active ? {} : { sessionVersion: newSessionVersion() }),
      })
      .where(eq(users.id, before.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.active ? "user.reactivated" : "user.deactivated",
      objectType: "user",
      objectId: before.id,
      summary: { email: before.email, before: { active: before.active }, after: { active: input.active } },
    });
  });
}
