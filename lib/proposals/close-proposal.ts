import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { changeProposals, sectionRevisions } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError, forbidden, fieldError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { requireSectionInConcept } from "@/lib/comments/thread-access";
import { ZDecideProposal, ZProposalId, ZRejectProposal } from "./proposal-schemas";
import { requireVisibleProposal } from "./proposal-access";

const proposalLink = (p: { conceptId: string; sectionId: string; id: string }) =>
  `/konzepte/${p.conceptId}/abschnitte/${p.sectionId}/vorschlaege/${p.id}`;

/** The proposer takes back an open proposal. */
export async function withdrawProposal(db: Db, actor: Actor, input: unknown): Promise<void> {
  const { proposalId } = parseOrThrow(ZProposalId, input);
  const { proposal, access } = await requireVisibleProposal(db, actor, proposalId);
  if (proposal.proposerId !== actor.id) throw forbidden("appError.proposal.withdrawOwnOnly");
  // From Mitzeichnung on the Synopse is part of the record: an open proposal stays as it was submitted.
  if (!can("proposal.create", access.subject)) throw forbidden("appError.proposal.withdrawClosed");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(changeProposals)
      .set({ status: "withdrawn", closedAt: new Date(), closedBy: actor.id })
      .where(and(eq(changeProposals.id, proposal.id), eq(changeProposals.status, "open")))
      .returning({ id: changeProposals.id });
    if (!row) throw new AppError("CONFLICT", "appError.proposal.noLongerOpen");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.withdrawn",
      objectType: "change_proposal",
      objectId: proposal.id,
      conceptId: proposal.conceptId,
    });
  });
}

/** The section's editors reject an open proposal with a reason; recorded as "nicht übernommen". */
export async function rejectProposal(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZRejectProposal, input);
  const { proposal, access } = await requireVisibleProposal(db, actor, data.proposalId);
  await db.transaction(async (tx) => {
    const section = await requireSectionInConcept(tx, proposal.conceptId, proposal.sectionId);
    const ownsSection = actor.organisations.some((o) => o.id === section.ownerOrganisationId);
    if (!can("section.edit", { ...access.subject, ownsSection }))
      throw forbidden("appError.proposal.decideSectionEditors");
    const [row] = await tx
      .update(changeProposals)
      .set({
        status: "rejected",
        closedAt: new Date(),
        closedBy: actor.id,
        rejectionReason: data.reason,
        decision: "nicht_uebernommen",
        decisionReason: data.reason,
        decidedBy: actor.id,
        decidedAt: new Date(),
      })
      .where(and(eq(changeProposals.id, proposal.id), eq(changeProposals.status, "open")))
      .returning({ id: changeProposals.id });
    if (!row) throw new AppError("CONFLICT", "appError.proposal.noLongerOpen");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.rejected",
      objectType: "change_proposal",
      objectId: proposal.id,
      conceptId: proposal.conceptId,
      summary: { reasonLength: data.reason.length },
    });
    await notify(tx, actor.id, [proposal.proposerId], {
      kind: "decision",
      conceptId: proposal.conceptId,
      title: { key: "proposalRejectedTitle", params: { section: section.title } },
      body: { key: "byline", params: { actor: actor.name, text: data.reason.slice(0, 400) } },
      link: proposalLink(proposal),
      internal: false,
    });
  });
}

/** Records or revises the Abwägung of a proposal (lead or Verwaltung authors). */
export async function decideProposal(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZDecideProposal, input);
  const { proposal, access } = await requireVisibleProposal(db, actor, data.proposalId);
  if (!can("thread.decide", access.subject)) throw forbidden("appError.proposal.decideForbidden");
  await db.transaction(async (tx) => {
    let resultRevisionId = proposal.resultRevisionId;
    if (data.revisionNumber !== undefined) {
      const [rev] = await tx
        .select({ id: sectionRevisions.id })
        .from(sectionRevisions)
        .where(
          and(eq(sectionRevisions.sectionId, proposal.sectionId), eq(sectionRevisions.number, data.revisionNumber)),
        );
      if (!rev)
        throw fieldError("revisionNumber", "appError.common.revisionNotInSection", { number: data.revisionNumber });
      resultRevisionId = rev.id;
    }
    await tx
      .update(changeProposals)
      .set({
        decision: data.decision,
        decisionReason: data.reason,
        decidedBy: actor.id,
        decidedAt: new Date(),
        resultRevisionId,
      })
      .where(eq(changeProposals.id, proposal.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.decided",
      objectType: "change_proposal",
      objectId: proposal.id,
      conceptId: proposal.conceptId,
      summary: { before: proposal.decision, after: data.decision },
    });
    await notify(tx, actor.id, [proposal.proposerId], {
      kind: "decision",
      conceptId: proposal.conceptId,
      title: { key: "proposalDecisionTitle", params: { decision: data.decision } },
      body: { key: "byline", params: { actor: actor.name, text: data.reason.slice(0, 400) } },
      link: proposalLink(proposal),
      internal: false,
    });
  });
}
