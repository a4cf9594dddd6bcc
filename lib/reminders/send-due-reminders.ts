import "server-only";
import type { Db } from "@/db/connect";
import { reminderDeliveries } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { germanDate } from "@/lib/tasks/concept-deadlines";
import { collectOwed, type Owed } from "./collect-owed";
import { reminderStage } from "./reminder-schedule";

/** Reminders come from the system, never from a person: no recipient is left out as "the actor". */
const SYSTEM = "00000000-0000-0000-0000-000000000000";

/**
 * One sweep as of `today` (yyyy-mm-dd in Berlin): for everything still owed whose reminder window is open, each
 * person who owes it gets the reminder once. The delivery row (unique per obligation, person, due date and stage),
 * the inbox entry and the outbox mail are written in one transaction, so however many processes sweep at once,
 * exactly one of them sends each reminder; the others meet the unique key and send nothing.
 */
export async function sendDueReminders(db: Db, today: string): Promise<number> {
  let sent = 0;
  for (const owed of await collectOwed(db)) {
    const stage = reminderStage(today, owed.due, owed.reminderDays);
    if (!stage) continue;
    for (const userId of new Set(owed.recipients)) {
      const delivered = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(reminderDeliveries)
          .values({ conceptId: owed.conceptId, userId, subject: owed.subject, dueDate: owed.due, stage })
          .onConflictDoNothing()
          .returning({ id: reminderDeliveries.id });
        if (!row) return false;
        await notify(tx, SYSTEM, [userId], reminderNotice(owed, stage));
        return true;
      });
      if (delivered) sent++;
    }
  }
  return sent;
}

function reminderNotice(owed: Owed, stage: "before" | "due") {
  const params = { concept: owed.conceptTitle, due: germanDate(owed.due), name: owed.name, stage };
  return {
    kind: "reminder" as const,
    conceptId: owed.conceptId,
    title: { key: "reminderTitle" as const, params: { ...params, what: owed.what } },
    body: { key: "reminderBody" as const, params: { ...params, what: owed.what } },
    link: owed.link,
    internal: owed.what !== "signoff",
  };
}
