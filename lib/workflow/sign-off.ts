import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { signoffRounds, signoffs, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { membersOf, notify } from "@/lib/notifications/notify";
import { signoffOrganisations } from "@/lib/permissions/permissions";
import { requiredOrganisations } from "./gather-workflow-facts";
import { applyTransition } from "./transition-concept";

export const SIGNOFF_DECISIONS = ["zugestimmt", "zugestimmt_mit_anmerkungen", "abgelehnt"] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

const ZSignOff = z
  .object({
    conceptId: z.uuid(),
    roundId: z.uuid(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, "appError.common.unknownFassung"),
    organisationId: z.uuid().optional(),
    decision: z.enum(SIGNOFF_DECISIONS, "appError.signoff.decisionRequired"),
    remarks: z.string().trim().max(5000, "appError.common.max5000").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "zugestimmt_mit_anmerkungen" && !v.remarks)
      ctx.addIssue({ code: "custom", path: ["remarks"], message: "appError.signoff.remarksRequired" });
    if (v.decision === "abgelehnt" && !v.remarks)
      ctx.addIssue({ code: "custom", path: ["remarks"], message: "appError.common.rejectionReasonRequired" });
  });

const stale = () => new AppError("CONFLICT", "appError.signoff.fassungOutdated");

/**
 * An authorised member signs off for their organisation on exactly the Fassung they were shown (round id and
 * content hash). A rejection voids the round and returns the concept to Überarbeitung in the same transaction.
 */
export async function signOff(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ decision: SignoffDecision; organisationName: string; rejected: boolean }> {
  const data = parseOrThrow(ZSignOff, input);
  const { concept } = await requireConceptAccess(db, actor, data.conceptId, "concept.readDrafts");
  try {
    return await db.transaction(async (tx) => {
      // Locking the round orders sign-offs against a rejection or reopening that voids it.
      const [round] = await tx
        .select()
        .from(signoffRounds)
        .where(and(eq(signoffRounds.id, data.roundId), eq(signoffRounds.conceptId, data.conceptId)))
        .for("update");
      if (!round) throw notFound();
      if (round.status !== "open" || round.contentHash !== data.contentHash) throw stale();

      const required = await requiredOrganisations(tx, data.conceptId);
      const mine = signoffOrganisations(actor, required);
      const organisation = data.organisationId ? mine.find((o) => o.id === data.organisationId) : mine[0];
      if (!organisation) throw forbidden("appError.signoff.forbidden");

      const [existing] = await tx
        .select({ name: users.name, createdAt: signoffs.createdAt })
        .from(signoffs)
        .innerJoin(users, eq(users.id, signoffs.userId))
        .where(and(eq(signoffs.roundId, round.id), eq(signoffs.organisationId, organisation.id)));
      if (existing) throw alreadySigned(organisation.name, existing.name);

      const remarks = data.decision === "zugestimmt" ? null : (data.remarks ?? null);
      const [row] = await tx
        .insert(signoffs)
        .values({
          roundId: round.id,
          organisationId: organisation.id,
          userId: actor.id,
          asDeputy: organisation.capacity === "deputy",
          decision: data.decision,
          remarks,
          contentHash: round.contentHash,
        })
        .returning({ id: signoffs.id });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        actorOrganisationId: organisation.capacity === "member" ? organisation.id : null,
        action: "signoff.recorded",
        objectType: "signoff",
        objectId: row!.id,
        conceptId: data.conceptId,
        summary: {
          round: round.number,
          organisation: organisation.name,
          decision: data.decision,
          asDeputy: organisation.capacity === "deputy",
          contentHash: round.contentHash,
        },
      });
      if (data.decision === "abgelehnt") {
        const reason = `Abgelehnt von ${organisation.name}: ${remarks}`;
        await applyTransition(tx, actor, data.conceptId, "reject_signoff", {
          reason,
          auditSummary: { organisation: organisation.name },
        });
        await notify(tx, actor.id, await membersOf(tx, [concept.leadOrganisationId]), {
          kind: "signoff_result",
          conceptId: data.conceptId,
          title: { key: "signoffRejectedTitle", params: { concept: concept.title } },
          body: {
            key: "signoffRejectedBody",
            params: { organisation: organisation.name, number: round.number, remarks: remarks ?? "" },
          },
          link: `/konzepte/${data.conceptId}/mitzeichnung`,
          internal: false,
        });
      }
      return { decision: data.decision, organisationName: organisation.name, rejected: data.decision === "abgelehnt" };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "appError.signoff.alreadySignedByOther");
    throw error;
  }
}

function alreadySigned(organisation: string, by: string): AppError {
  return new AppError("CONFLICT", "appError.signoff.alreadySigned", { organisation, by });
}
