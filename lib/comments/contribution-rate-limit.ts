import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { commentRateLimits } from "@/db/schema";
import { readEnv } from "@/config/env";
import { AppError } from "@/lib/errors";

/**
 * How many contributions (comment threads, replies, change proposals) one person may write: a token bucket of
 * `burst` that refills by `perMinute`. Far beyond anyone writing by hand (30 in a row, then one every 6 s for as
 * long as they like); a script flooding the discussion is stopped after the burst. Read on every call, so tests
 * and benchmarks can change it.
 */
export function contributionRateLimit(env: Record<string, string | undefined> = process.env) {
  const { COMMENT_RATE_LIMIT_BURST: burst, COMMENT_RATE_LIMIT_PER_MINUTE: perMinute } = readEnv(env);
  return { burst, perMinute };
}

/**
 * Takes one token for `userId` inside the writing transaction (call it before the write). The upsert locks the
 * person's row until commit, so concurrent writes of one person — from any server process — queue behind each
 * other and the count is exact; a refusal rolls the transaction back, so refused attempts cost nothing.
 * Times come from the database clock (one clock for all processes).
 */
export async function takeContributionToken(tx: Tx, userId: string): Promise<void> {
  const { burst, perMinute } = contributionRateLimit();
  const perSecond = perMinute / 60;
  const t = commentRateLimits;
  const [row] = await tx
    .insert(t)
    .values({ userId, tokens: burst - 1, updatedAt: sql`now()` })
    .onConflictDoUpdate({
      target: t.userId,
      set: {
        tokens: sql`least(${burst}::double precision, ${t.tokens} + greatest(0, extract(epoch from now() - ${t.updatedAt})) * ${perSecond}::double precision) - 1`,
        updatedAt: sql`greatest(now(), ${t.updatedAt})`,
      },
    })
    .returning({ tokens: t.tokens });
  const tokens = Number(row!.tokens);
  if (tokens >= 0) return;
  const seconds = Math.max(1, Math.ceil(-tokens / perSecond));
  throw new AppError("RATE_LIMITED", "appError.comment.rateLimited", { seconds });
}
