import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { mailOutbox } from "@/db/schema";
import { redactOneTimeLinks } from "./redact";
import { CLAIM_LEASE_MS, isFinalFailure, retryDelayMs } from "./retry-policy";
import type { MailTransport } from "./transports";

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * One pass over the outbox: claims due mails (skipping rows another process holds), sends each outside any
 * transaction, and records the outcome. At-least-once: a process dying mid-send leaves the claim to expire.
 */
export async function deliverPendingMail(
  db: Db,
  transport: MailTransport,
  { now = new Date(), batchSize = 20 } = {},
): Promise<DeliveryReport> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length) {
      await tx
        .update(mailOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where(
          inArray(
            mailOutbox.id,
            due.map((m) => m.id),
          ),
        );
    }
    return due;
  });

  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const mail of claimed) {
    const attempts = mail.attempts + 1;
    try {
      await transport.send({ id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
      await db
        .update(mailOutbox)
        .set({ status: "sent", attempts, sentAt: now, lastError: null, textBody: redactOneTimeLinks(mail.textBody) })
        .where(eq(mailOutbox.id, mail.id));
      report.sent++;
    } catch (error) {
      const final = isFinalFailure(attempts);
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db
        .update(mailOutbox)
        .set({
          status: final ? "failed" : "pending",
          attempts,
          lastError,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        })
        .where(eq(mailOutbox.id, mail.id));
      if (final) report.failed++;
      else report.retrying++;
      console.warn(`Konzeptwerk: Zustellung der E-Mail ${mail.id} fehlgeschlagen (Versuch ${attempts}): ${lastError}`);
    }
  }
  return report;
}
