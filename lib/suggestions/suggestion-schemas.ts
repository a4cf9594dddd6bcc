import { z } from "zod";
import { ABWAEGUNG } from "@/lib/comments/comment-schemas";
import { hasVisibleText } from "@/lib/validation/fields";

const ZDecisionFields = {
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  decision: z.enum(ABWAEGUNG, "appError.comment.decisionRequired"),
  reason: z.string().trim().max(10_000, "appError.comment.reasonTooLong").optional(),
};

/** Übernommen needs no reason (the text says it); every other decision is weighed with one. */
const reasonGiven = (d: { decision: string; reason?: string }) =>
  d.decision === "uebernommen" || (d.reason !== undefined && hasVisibleText(d.reason));
const reasonIssue = { message: "appError.suggestion.reasonRequired", path: ["reason"] };

export const ZDecideSuggestion = z
  .object({ ...ZDecisionFields, suggestionId: z.string().max(80) })
  .refine(reasonGiven, reasonIssue);

export const ZDecideOrganisationSuggestions = z
  .object({ ...ZDecisionFields, organisationId: z.uuid() })
  .refine(reasonGiven, reasonIssue);
