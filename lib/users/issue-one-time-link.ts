import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { oneTimeTokens } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { oneTimeLinkMail } from "@/lib/mail/mail-templates";
import { ONE_TIME_LINK_PATH } from "@/lib/mail/redact";
import { generateToken, TOKEN_LIFETIME_MS, type TokenPurpose } from "@/lib/tokens/one-time-token";

/** Open links of a user stop working (marked used): a new link, a deactivation or a new password replaces them. */
export async function revokeOpenTokens(tx: Tx, userId: string, now = new Date()): Promise<void> {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
}

/**
 * Creates a one-time sign-in link and puts the mail carrying it into the outbox, in the caller's transaction.
 * The token itself exists only in that mail; the database keeps its SHA-256.
 */
export async function issueOneTimeLink(
  tx: Tx,
  user: { id: string; email: string; name: string; locale: string },
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ expiresAt: Date; mailId: string }> {
  await revokeOpenTokens(tx, user.id, now);
  const { token, tokenHash } = generateToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await tx.insert(oneTimeTokens).values({ userId: user.id, tokenHash, purpose, expiresAt });
  const mailId = await enqueueMail(
    tx,
    oneTimeLinkMail({
      to: user.email,
      name: user.name,
      locale: user.locale,
      link: appUrl(`${ONE_TIME_LINK_PATH}${token}`),
      expiresAt,
      purpose,
    }),
  );
  return { expiresAt, mailId };
}
