import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { concepts, requiredSignoffs } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { requiredOrganisations, signoffCandidates } from "./gather-workflow-facts";

const ZSetRequiredSignoffs = z.object({
  conceptId: z.uuid(),
  organisationIds: z.array(z.uuid()).min(1, "appError.common.organisationsRequired").max(50),
});

/** The lead sets which organisations must sign off; only before Mitzeichnung, never on a frozen concept. */
export async function setRequiredSignoffs(db: Db, actor: Actor, input: unknown): Promise<{ names: string[] }> {
  const data = parseOrThrow(ZSetRequiredSignoffs, input);
  const access = await requireConceptAccess(db, actor, data.conceptId, "concept.manage");
  return db.transaction(async (tx) => {
    // Locks the concept row so starting the Mitzeichnung cannot interleave with a change of the list.
    const [row] = await tx
      .select({ status: concepts.status })
      .from(concepts)
      .where(eq(concepts.id, data.conceptId))
      .for("update");
    // The status as locked now, not as read before the transaction.
    if (!can("signoff.setRequired", { ...access.subject, status: row!.status }))
      throw new AppError("CONCEPT_FROZEN", "appError.signoff.requiredFixed");
    const candidates = await signoffCandidates(tx, data.conceptId);
    const ids = [...new Set(data.organisationIds)];
    if (ids.some((id) => !candidates.some((c) => c.id === id))) {
      throw new AppError(
        "VALIDATION",
        "appError.signoff.participantsOnly",
        {},
        {
          organisationIds: "appError.signoff.listOnly",
        },
      );
    }
    const before = (await requiredOrganisations(tx, data.conceptId)).map((o) => o.name);
    await tx.delete(requiredSignoffs).where(eq(requiredSignoffs.conceptId, data.conceptId));
    await tx
      .insert(requiredSignoffs)
      .values(ids.map((organisationId) => ({ conceptId: data.conceptId, organisationId })));
    const after = (await requiredOrganisations(tx, data.conceptId)).map((o) => o.name);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "concept.required_signoffs_set",
      objectType: "concept",
      objectId: data.conceptId,
      conceptId: data.conceptId,
      summary: { before, after },
    });
    return { names: after };
  });
}
