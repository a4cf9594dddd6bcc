import "server-only";
import { and, count, desc, eq, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { mailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";

/** Admins see problems (failed, or pending after an error) and totals; never the bodies, which may hold links. */
export async function listOutbox(db: Db, actor: Actor) {
  assertCanGlobally(actor, "admin.mail");
  const [problems, totals] = await Promise.all([
    db
      .select({
        id: mailOutbox.id,
        toAddress: mailOutbox.toAddress,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        createdAt: mailOutbox.createdAt,
      })
      .from(mailOutbox)
      .where(
        or(eq(mailOutbox.status, "failed"), and(eq(mailOutbox.status, "pending"), isNotNull(mailOutbox.lastError))),
      )
      .orderBy(desc(mailOutbox.createdAt))
      .limit(200),
    db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status),
  ]);
  const total = (s: "pending" | "sent" | "failed") => totals.find((t) => t.status === s)?.n ?? 0;
  return { problems, totals: { pending: total("pending"), sent: total("sent"), failed: total("failed") } };
}
