import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { AppError, notFound } from "@/lib/errors";
import { wakeOutboxWorker } from "@/lib/mail/outbox-worker";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { issueOneTimeLink, revokeOpenTokens } from "./issue-one-time-link";
import { newSessionVersion } from "./session-version";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSetPassword, ZUserId } from "./user-admin-schemas";

/** The admin sets a new password: the person's sessions and open links end. */
export async function setUserPasswordByAdmin(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZSetPassword, rawInput);
  assertCanGlobally(actor, "admin.users");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!user) throw notFound();
    await revokeOpenTokens(tx, user.id);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: newSessionVersion(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.password_reset",
      objectType: "user",
      objectId: user.id,
      summary: { email: user.email, via: "admin" },
    });
  });
}

/**
 * The admin sends a one-time link (an invitation if the person never had a password, else a reset). The
 * current password keeps working until the link is used.
 */
export async function sendSignInLink(db: Db, actor: Actor, rawInput: unknown): Promise<{ expiresAt: Date }> {
  const input = parseOrThrow(ZUserId, rawInput);
  assertCanGlobally(actor, "admin.users");
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!user) throw notFound();
    if (!user.active)
      throw new AppError(
        "VALIDATION",
        "appError.user.deactivated",
        {},
        {
          _form: "appError.user.deactivated",
        },
      );
    const purpose = user.passwordHash ? "password_reset" : "invitation";
    const link = await issueOneTimeLink(tx, user, purpose);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.sign_in_link_sent",
      objectType: "user",
      objectId: user.id,
      summary: { email: user.email, purpose, expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
  wakeOutboxWorker();
  return { expiresAt: result.expiresAt };
}
