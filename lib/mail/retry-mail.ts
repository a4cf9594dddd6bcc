import "server-only";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { mailOutbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { ZRequiredUuid } from "@/lib/validation/fields";
import { wakeOutboxWorker } from "./outbox-worker";
import { parseOrThrow } from "@/lib/validation/parse";

const ZRetryMail = z.object({ mailId: ZRequiredUuid("appError.mail.unknownMail") });

/** A failed mail gets a fresh round of attempts, starting now. */
export async function retryMail(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZRetryMail, rawInput);
  assertCanGlobally(actor, "admin.mail");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(mailOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
      .where(and(eq(mailOutbox.id, input.mailId), eq(mailOutbox.status, "failed")))
      .returning({ id: mailOutbox.id, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject });
    if (!row) throw new AppError("CONFLICT", "appError.mail.notFailed");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mail.retry_requested",
      objectType: "mail",
      objectId: row.id,
      summary: { to: row.toAddress, subject: row.subject },
    });
  });
  wakeOutboxWorker();
}
