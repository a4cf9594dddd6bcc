import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE, ZIsoDate, ZRequiredUuid } from "@/lib/validation/fields";

export const CONSULTATION_ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;

const ZConsultation = z.object({
  committeeId: ZRequiredUuid("Bitte wählen Sie ein Gremium."),
  role: z.enum(CONSULTATION_ROLES, "Bitte wählen Sie die Rolle des Gremiums."),
  meetingDate: ZIsoDate("Bitte geben Sie das Sitzungsdatum an."),
});

/** Where the outline comes from: nothing, a shipped template, or another concept the creator can read. */
const ZOutline = z
  .string()
  .default("none")
  .transform((v, ctx) => {
    if (v === "" || v === "none") return { kind: "none" as const };
    const template = /^template:([a-z0-9-]{1,40})$/.exec(v);
    if (template) return { kind: "template" as const, templateId: template[1]! };
    const concept = /^concept:([0-9a-f-]{36})$/i.exec(v);
    if (concept && z.uuid().safeParse(concept[1]).success) return { kind: "concept" as const, conceptId: concept[1]! };
    ctx.addIssue({ code: "custom", message: "Bitte wählen Sie eine gültige Gliederung." });
    return z.NEVER;
  });

export const ZConceptFromMandate = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "Bitte geben Sie einen Titel ein.")
      .refine(hasVisibleText, "Bitte geben Sie einen Titel ein.")
      .refine(isSingleLine, SINGLE_LINE_MESSAGE)
      .max(300, "Der Titel ist zu lang (höchstens 300 Zeichen)."),
    mandateText: z
      .string()
      .trim()
      .min(1, "Bitte fügen Sie den Antragstext ein.")
      .refine(hasVisibleText, "Bitte fügen Sie den Antragstext ein.")
      .max(50_000, "Der Antragstext ist zu lang (höchstens 50 000 Zeichen)."),
    mandateReference: z
      .string()
      .trim()
      .min(1, "Bitte geben Sie das Aktenzeichen an, z. B. RAT/676/2021.")
      .refine(hasVisibleText, "Bitte geben Sie das Aktenzeichen an, z. B. RAT/676/2021.")
      .refine(isSingleLine, SINGLE_LINE_MESSAGE)
      .max(100, "Das Aktenzeichen ist zu lang."),
    decisionDate: ZIsoDate("Bitte geben Sie das Datum des Beschlusses an."),
    deadline: ZIsoDate("Bitte geben Sie die Frist an."),
    leadOrganisationId: ZRequiredUuid("Bitte wählen Sie die federführende Stelle."),
    mandateItems: z
      .array(
        z
          .string()
          .trim()
          .min(1, "Bitte geben Sie einen Text ein oder entfernen Sie diesen Prüfauftrag.")
          .refine(hasVisibleText, "Bitte geben Sie einen Text ein oder entfernen Sie diesen Prüfauftrag.")
          .max(2000, "Der Prüfauftrag ist zu lang (höchstens 2000 Zeichen)."),
      )
      .min(1, "Bitte geben Sie mindestens einen Prüfauftrag an.")
      .max(50, "Höchstens 50 Prüfaufträge."),
    consultations: z
      .array(ZConsultation)
      .min(1, "Die Beratungsfolge braucht mindestens ein Gremium.")
      .max(20, "Höchstens 20 Gremien."),
    outline: ZOutline,
  })
  .superRefine((v, ctx) => {
    if (v.deadline < v.decisionDate)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "Die Frist darf nicht vor dem Beschlussdatum liegen.",
      });
    let previous = v.decisionDate;
    v.consultations.forEach((c, i) => {
      if (c.meetingDate < v.decisionDate) {
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "meetingDate"],
          message: "Die Sitzung darf nicht vor dem Beschlussdatum liegen.",
        });
      } else if (c.meetingDate < previous) {
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "meetingDate"],
          message: "Die Sitzungen müssen in der Reihenfolge der Beratungsfolge liegen.",
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
