import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { oneTimeTokens, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "@/lib/tokens/one-time-token";
import { newSessionVersion } from "./session-version";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZRedeemLink } from "./user-admin-schemas";

export const INVALID_LINK = "appError.user.linkInvalid";

/** For the link page: whom the link is for, without using it up (mail scanners open links too). */
export async function findOneTimeLink(db: Db, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      purpose: oneTimeTokens.purpose,
      expiresAt: oneTimeTokens.expiresAt,
    })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/**
 * Uses the link exactly once (guarded UPDATE … WHERE used_at IS NULL) and sets the person's password; all
 * their other sessions end. Returns the e-mail so the page can sign them in.
 */
export async function redeemOneTimeLink(db: Db, rawInput: unknown, now = new Date()): Promise<{ email: string }> {
  const input = parseOrThrow(ZRedeemLink, rawInput);
  if (!isWellFormedToken(input.token)) throw new AppError("VALIDATION", INVALID_LINK, {}, { _form: INVALID_LINK });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, hashToken(input.token)),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
          sql`exists (select 1 from users u where u.id = "one_time_tokens"."user_id" and u.active)`,
        ),
      )
      .returning({ userId: oneTimeTokens.userId, purpose: oneTimeTokens.purpose });
    if (!token) throw new AppError("VALIDATION", INVALID_LINK, {}, { _form: INVALID_LINK });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: newSessionVersion(), updatedAt: now })
      .where(eq(users.id, token.userId))
      .returning({ email: users.email });
    await recordAuditEvent(tx, {
      actorId: token.userId,
      action: "user.password_set_via_link",
      objectType: "user",
      objectId: token.userId,
      summary: { purpose: token.purpose },
    });
    return { email: user!.email };
  });
}
