import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { consultations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { lockConceptForActor } from "./lock-concept";
import { OUTCOMES_BY_ROLE, ZRecordOutcome } from "./vorlage-schemas";

const OUTCOME_REFUSAL = {
  vorberatung: "appError.vorlage.outcomeNotForVorberatung",
  entscheidung: "appError.vorlage.outcomeNotForEntscheidung",
  kenntnisnahme: "appError.vorlage.outcomeNotForKenntnisnahme",
} as const;

/** The lead records a committee's outcome and its date; only while the Vorlage is with the committees (Eingereicht). */
export async function recordOutcome(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseOrThrow(ZRecordOutcome, raw);
  await db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId, "share");
    if (!can("concept.read", access.subject)) throw notFound();
    if (!can("vorlage.manage", access.subject)) throw forbidden("appError.vorlage.outcomeLeadOnly");
    const [before] = await tx
      .select()
      .from(consultations)
      .where(and(eq(consultations.id, input.consultationId), eq(consultations.conceptId, input.conceptId)));
    if (!before) throw notFound();
    if (!OUTCOMES_BY_ROLE[before.role].includes(input.outcome)) {
      const key = OUTCOME_REFUSAL[before.role];
      throw new AppError("VALIDATION", key, {}, { outcome: key });
    }
    const updated = await tx
      .update(consultations)
      .set({ outcome: input.outcome, outcomeDate: input.outcomeDate, updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, input.consultationId),
          eq(consultations.conceptId, input.conceptId),
          sql`exists (select 1 from concepts c where c.id = "consultations"."concept_id" and c.status = 'eingereicht')`,
        ),
      )
      .returning({ id: consultations.id });
    if (!updated.length) throw new AppError("CONFLICT", "appError.vorlage.outcomeNotSubmitted");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      conceptId: input.conceptId,
      action: "consultation.outcome_recorded",
      objectType: "consultation",
      objectId: input.consultationId,
      summary: {
        before: { outcome: before.outcome, outcomeDate: before.outcomeDate },
        after: { outcome: input.outcome, outcomeDate: input.outcomeDate },
      },
    });
  });
}
