import { z } from "zod";
import { ZDecision } from "@/lib/comments/comment-schemas";
import { hasVisibleText } from "@/lib/validation/fields";

export const ZProposalReason = z
  .string()
  .trim()
  .min(1, "Bitte begründen Sie Ihren Vorschlag.")
  .refine(hasVisibleText, "Bitte begründen Sie Ihren Vorschlag.")
  .max(10_000, "Die Begründung darf höchstens 10 000 Zeichen lang sein.");

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
    .min(1, "Bitte begründen Sie die Ablehnung.")
    .refine(hasVisibleText, "Bitte begründen Sie die Ablehnung.")
    .max(10_000, "Die Begründung ist zu lang (höchstens 10 000 Zeichen)."),
});
export const ZAcceptProposal = z.object({
  proposalId: z.uuid(),
  /** The section version the reconciled content is based on; when the section changed, the editor's merged text. */
  baseVersion: z.coerce.number().int().min(0),
  content: z.unknown().optional(),
  note: z.string().trim().max(500, "Die Notiz ist zu lang (höchstens 500 Zeichen).").optional(),
});
export const ZDecideProposal = ZDecision.extend({ proposalId: z.uuid() });
