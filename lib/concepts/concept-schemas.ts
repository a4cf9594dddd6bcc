import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE, ZIsoDate, ZRequiredUuid } from "@/lib/validation/fields";

export const CONSULTATION_ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;

const ZConsultation = z.object({
  committeeId: ZRequiredUuid("appError.concept.committeeRequired"),
  role: z.enum(CONSULTATION_ROLES, "appError.concept.committeeRoleRequired"),
  meetingDate: ZIsoDate("appError.concept.meetingDateRequired"),
});

/** The parsed choice again as the form sends it, so a parsed input can be parsed a second time. */
function outlineAsFormValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !("kind" in value)) return value;
  const choice = value as { kind: unknown; templateId?: unknown; conceptId?: unknown };
  if (choice.kind === "template") return `template:${String(choice.templateId)}`;
  if (choice.kind === "concept") return `concept:${String(choice.conceptId)}`;
  return choice.kind === "none" ? "none" : value;
}

/** Where the outline comes from: nothing, a shipped template, or another concept the creator can read. */
const ZOutline = z.preprocess(outlineAsFormValue, z.string().default("none")).transform((v, ctx) => {
  if (v === "" || v === "none") return { kind: "none" as const };
  const template = /^template:([a-z0-9-]{1,40})$/.exec(v);
  if (template) return { kind: "template" as const, templateId: template[1]! };
  const concept = /^concept:([0-9a-f-]{36})$/i.exec(v);
  if (concept && z.uuid().safeParse(concept[1]).success) return { kind: "concept" as const, conceptId: concept[1]! };
  ctx.addIssue({ code: "custom", message: "appError.concept.outlineInvalid" });
  return z.NEVER;
});

export const ZConceptFromMandate = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "appError.common.titleRequired")
      .refine(hasVisibleText, "appError.common.titleRequired")
      .refine(isSingleLine, SINGLE_LINE_MESSAGE)
      .max(300, "appError.concept.titleTooLong"),
    mandateText: z
      .string()
      .trim()
      .min(1, "appError.concept.mandateTextRequired")
      .refine(hasVisibleText, "appError.concept.mandateTextRequired")
      .max(50_000, "appError.concept.mandateTextTooLong"),
    mandateReference: z
      .string()
      .trim()
      .min(1, "appError.concept.referenceRequired")
      .refine(hasVisibleText, "appError.concept.referenceRequired")
      .refine(isSingleLine, SINGLE_LINE_MESSAGE)
      .max(100, "appError.concept.referenceTooLong"),
    decisionDate: ZIsoDate("appError.concept.decisionDateRequired"),
    deadline: ZIsoDate("appError.concept.deadlineRequired"),
    leadOrganisationId: ZRequiredUuid("appError.concept.leadRequired"),
    mandateItems: z
      .array(
        z
          .string()
          .trim()
          .min(1, "appError.concept.mandateItemRequired")
          .refine(hasVisibleText, "appError.concept.mandateItemRequired")
          .max(2000, "appError.concept.mandateItemTooLong"),
      )
      .min(1, "appError.concept.mandateItemsRequired")
      .max(50, "appError.concept.tooManyMandateItems"),
    consultations: z
      .array(ZConsultation)
      .min(1, "appError.concept.consultationsRequired")
      .max(20, "appError.concept.tooManyConsultations"),
    outline: ZOutline,
  })
  .superRefine((v, ctx) => {
    if (v.deadline < v.decisionDate)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "appError.concept.deadlineBeforeDecision",
      });
    let previous = v.decisionDate;
    v.consultations.forEach((c, i) => {
      if (c.meetingDate < v.decisionDate) {
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "meetingDate"],
          message: "appError.concept.meetingBeforeDecision",
        });
      } else if (c.meetingDate < previous) {
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "meetingDate"],
          message: "appError.concept.meetingsOutOfOrder",
        });
      }
      if (c.meetingDate > previous) previous = c.meetingDate;
    });
  });
export type ConceptFromMandateInput = z.output<typeof ZConceptFromMandate>;

/** Repeated form fields → the nested shape the schema expects (rows in document order). */
export function conceptFormToInput(fields: Record<string, unknown>): Record<string, unknown> {
  const list = (name: string) => (Array.isArray(fields[name]) ? (fields[name] as string[]) : []);
  const committees = list("consultationCommitteeId");
  const roles = list("consultationRole");
  const dates = list("consultationMeetingDate");
  return {
    ...fields,
    mandateItems: list("mandateItems"),
    consultations: committees.map((committeeId, i) => ({
      committeeId,
      role: roles[i] ?? "",
      meetingDate: dates[i] ?? "",
    })),
  };
}
export const CONCEPT_FORM_ARRAYS = [
  "mandateItems",
  "consultationCommitteeId",
  "consultationRole",
  "consultationMeetingDate",
] as const;
