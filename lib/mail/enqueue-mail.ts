import "server-only";
import type { Tx } from "@/db/connect";
import { mailOutbox } from "@/db/schema";

export type MailInput = { to: string; subject: string; text: string };

/**
 * The one way the app sends mail: a row in the outbox, written in the caller's transaction, so the mail
 * exists exactly when the change that caused it was committed. Delivery happens later (outbox-worker.ts);
 * call wakeOutboxWorker() after the commit to deliver without waiting for the next tick.
 */
export async function enqueueMail(tx: Tx, mail: MailInput): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      toAddress: mail.to.trim(),
      subject: mail.subject.replace(/[\r\n]+/g, " ").slice(0, 300),
      textBody: mail.text,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}
