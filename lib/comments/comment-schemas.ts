import { z } from "zod";
import { hasVisibleText } from "@/lib/validation/fields";

export const MAX_COMMENT_LENGTH = 10_000;

export const ZCommentBody = z
  .string()
  .trim()
  .min(1, "Bitte schreiben Sie einen Kommentar.")
  .refine(hasVisibleText, "Bitte schreiben Sie einen Kommentar.")
  .max(MAX_COMMENT_LENGTH, "Ein Kommentar darf höchstens 10 000 Zeichen lang sein.");

export const ZMentions = z
  .object({
    users: z.array(z.uuid()).max(50, "Höchstens 50 Erwähnungen.").default([]),
    organisations: z.array(z.uuid()).max(50, "Höchstens 50 Erwähnungen.").default([]),
  })
  .default({ users: [], organisations: [] });

export const ZCreateThread = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  body: ZCommentBody,
  visibility: z.enum(["alle", "verwaltung"], "Bitte wählen Sie, wer den Kommentar sehen darf.").default("alle"),
  blocking: z.boolean().default(false),
  quote: z
    .object({
      exact: z.string().trim().min(1).max(5000, "Die markierte Textstelle ist zu lang (höchstens 5 000 Zeichen)."),
      prefix: z.string().max(400).default(""),
      suffix: z.string().max(400).default(""),
    })
    .optional(),
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
  decision: z.enum(ABWAEGUNG, "Bitte wählen Sie eine Entscheidung."),
  reason: z
    .string()
    .trim()
    .min(1, "Bitte begründen Sie die Entscheidung.")
    .refine(hasVisibleText, "Bitte begründen Sie die Entscheidung.")
    .max(MAX_COMMENT_LENGTH, "Die Begründung ist zu lang (höchstens 10 000 Zeichen)."),
  revisionNumber: z.coerce.number().int().positive().optional(),
});
export const ZDecideThread = ZDecision.extend({ threadId: z.uuid() });
