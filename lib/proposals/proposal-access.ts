import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { changeProposals, proposalColumns } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";

export type ProposalRow = Omit<typeof changeProposals.$inferSelect, "searchVector">;

/** A proposal in a concept the actor may read (proposals are never internal), else 404. */
export async function requireVisibleProposal(
  db: Db | Tx,
  actor: Actor,
  proposalId: string,
): Promise<{ proposal: ProposalRow; access: ConceptAccess }> {
  const [proposal] = await db
    .select(proposalColumns)
    .from(changeProposals)
    .where(eq(changeProposals.id, proposalId))
    .limit(1);
  if (!proposal) throw notFound();
  const access = await requireConceptAccess(db as Db, actor, proposal.conceptId, "section.read");
  return { proposal, access };
}
