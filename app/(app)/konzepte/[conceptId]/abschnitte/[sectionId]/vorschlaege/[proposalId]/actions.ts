"use server";

import { defineAction, field } from "@/lib/http/define-action";
import { acceptProposal } from "@/lib/proposals/accept-proposal";
import { decideProposal, rejectProposal, withdrawProposal } from "@/lib/proposals/close-proposal";

const concept = (input: { conceptId?: string }) => [{ layout: `/konzepte/${input.conceptId}` }];

export const acceptProposalAction = defineAction({
  input: (form: FormData) => ({
    conceptId: field(form, "conceptId"),
    proposalId: field(form, "proposalId"),
    baseVersion: field(form, "baseVersion"),
  }),
  run: ({ db, actor }, input) => acceptProposal(db, actor, input),
  success: "feedback.proposalAccepted",
  revalidate: concept,
});

export const rejectProposalAction = defineAction({
  input: (form: FormData) => ({
    conceptId: field(form, "conceptId"),
    proposalId: field(form, "proposalId"),
    reason: field(form, "reason") ?? "",
  }),
  run: ({ db, actor }, input) => rejectProposal(db, actor, input),
  success: "feedback.proposalRejected",
  revalidate: concept,
});

export const withdrawProposalAction = defineAction({
  input: (form: FormData) => ({ conceptId: field(form, "conceptId"), proposalId: field(form, "proposalId") }),
  run: ({ db, actor }, input) => withdrawProposal(db, actor, input),
  success: "feedback.proposalWithdrawn",
  revalidate: concept,
});

export const decideProposalAction = defineAction({
  input: (form: FormData) => ({
    conceptId: field(form, "conceptId"),
    proposalId: field(form, "proposalId"),
    decision: field(form, "decision"),
    reason: field(form, "reason") ?? "",
    revisionNumber: field(form, "revisionNumber")?.trim() || undefined,
  }),
  run: ({ db, actor }, input) => decideProposal(db, actor, input),
  success: "feedback.decisionSaved",
  revalidate: concept,
});
