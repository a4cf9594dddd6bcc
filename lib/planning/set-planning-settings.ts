import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { concepts } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { parseOrThrow } from "@/lib/validation/parse";

const days = (field: "submissionLeadDays" | "signoffDays" | "revisionDays") =>
  z.coerce
    .number(`appError.planning.${field}.wholeNumber`)
    .int(`appError.planning.${field}.wholeNumber`)
    .min(1, `appError.planning.${field}.min`)
    .max(120, `appError.planning.${field}.max`);

const ZPlanningSettings = z.object({
  conceptId: z.uuid(),
  submissionLeadDays: days("submissionLeadDays"),
  signoffDays: days("signoffDays"),
  revisionDays: days("revisionDays"),
  /** Reminders this many NRW working days before each deadline (0: only on the day itself). */
  reminderDays: z.coerce
    .number("appError.planning.reminderDays.wholeNumber")
    .int("appError.planning.reminderDays.wholeNumber")
    .min(0, "appError.planning.reminderDays.range")
    .max(20, "appError.planning.reminderDays.range")
    .optional(),
});

/** The lead sets how the plan is derived backwards from the meetings (days before each step). */
export async function setPlanningSettings(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZPlanningSettings, input);
  const { concept } = await requireConceptAccess(db, actor, data.conceptId, "concept.manage");
  await db.transaction(async (tx) => {
    await tx
      .update(concepts)
      .set({
        submissionLeadDays: data.submissionLeadDays,
        signoffDays: data.signoffDays,
        revisionDays: data.revisionDays,
        ...(data.reminderDays === undefined ? {} : { reminderDays: data.reminderDays }),
        updatedAt: new Date(),
      })
      .where(eq(concepts.id, data.conceptId));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "concept.planning_changed",
      objectType: "concept",
      objectId: data.conceptId,
      conceptId: data.conceptId,
      summary: {
        before: {
          submissionLeadDays: concept.submissionLeadDays,
          signoffDays: concept.signoffDays,
          revisionDays: concept.revisionDays,
          reminderDays: concept.reminderDays,
        },
        after: {
          submissionLeadDays: data.submissionLeadDays,
          signoffDays: data.signoffDays,
          revisionDays: data.revisionDays,
          reminderDays: data.reminderDays ?? concept.reminderDays,
        },
      },
    });
  });
}
