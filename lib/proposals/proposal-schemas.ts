import { z } from "zod";
import { ZDecision } from "@/lib/comments/comment-schemas";
import { hasVisibleText } from "@/lib/validation/fields";

export const ZProposalReason = z
  .string()
  .trim()
  .min(1, "appError.proposal.reasonRequired")
  .refine(hasVisibleText, "appError.proposal.reasonRequired")
  .max(10_000, "appError.proposal.reasonTooLong");

export const ZCreateProposal = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  baseVersion: z.coerce.number().int().min(0),
  content: z.unknown(),
  reason: ZProposalReason,
});
export const ZProposalId = z.object({ proposalId: z.uuid() });
export const ZRejectProposal = z.object({
  proposalId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(1, "appError.common.rejectionReasonRequired")
    .refine(hasVisibleText, "appError.common.rejectionReasonRequired")
    .max(10_000, "appError.comment.reasonTooLong"),
});
export const ZAcceptProposal = z.object({
  proposalId: z.uuid(),
  /** The section version the reconciled content is based on; when the section changed, the editor's merged text. */
  baseVersion: z.coerce.number().int().min(0),
  content: z.unknown().optional(),
  /** The section version whose intervening changes by others the person saw and agreed to replace. */
  confirmedVersion: z.coerce.number().int().min(0).optional(),
  note: z.string().trim().max(500, "appError.proposal.noteTooLong").optional(),
});
export const ZDecideProposal = ZDecision.extend({ proposalId: z.uuid() });
