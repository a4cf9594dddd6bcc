import { z } from "zod";
import { hasVisibleText } from "@/lib/validation/fields";

export const MAX_COMMENT_LENGTH = 10_000;

export const ZCommentBody = z
  .string()
  .trim()
  .min(1, "appError.comment.bodyRequired")
  .refine(hasVisibleText, "appError.comment.bodyRequired")
  .max(MAX_COMMENT_LENGTH, "appError.comment.bodyTooLong");

export const ZMentions = z
  .object({
    users: z.array(z.uuid()).max(50, "appError.comment.tooManyMentions").default([]),
    organisations: z.array(z.uuid()).max(50, "appError.comment.tooManyMentions").default([]),
  })
  .default({ users: [], organisations: [] });

export const ZCreateThread = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  body: ZCommentBody,
  visibility: z.enum(["alle", "verwaltung"], "appError.comment.visibilityRequired").default("alle"),
  blocking: z.boolean().default(false),
  quote: z
    .object({
      exact: z.string().trim().min(1).max(5000, "appError.comment.quoteTooLong"),
      prefix: z.string().max(400).default(""),
      suffix: z.string().max(400).default(""),
    })
    .optional(),
  /** A suggestion in the section's live text this thread discusses. */
  suggestionId: z.string().max(80).optional(),
  mentions: ZMentions,
});
export type CreateThreadInput = z.input<typeof ZCreateThread>;

export const ZReply = z.object({ threadId: z.uuid(), body: ZCommentBody, mentions: ZMentions });
export const ZEditComment = z.object({ commentId: z.uuid(), body: ZCommentBody });
export const ZCommentId = z.object({ commentId: z.uuid() });
export const ZThreadId = z.object({ threadId: z.uuid() });

export const ABWAEGUNG = [
  "uebernommen",
  "teilweise_uebernommen",
  "nicht_uebernommen",
  "zur_kenntnis_genommen",
] as const;
export const ZDecision = z.object({
  decision: z.enum(ABWAEGUNG, "appError.comment.decisionRequired"),
  reason: z
    .string()
    .trim()
    .min(1, "appError.comment.decisionReasonRequired")
    .refine(hasVisibleText, "appError.comment.decisionReasonRequired")
    .max(MAX_COMMENT_LENGTH, "appError.comment.reasonTooLong"),
  revisionNumber: z.coerce.number().int().positive().optional(),
});
export const ZDecideThread = ZDecision.extend({ threadId: z.uuid() });
