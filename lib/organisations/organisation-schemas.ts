import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE, ZRequiredUuid } from "@/lib/validation/fields";

export const ORGANISATION_KINDS = ["verwaltung", "traeger", "gremium"] as const;
export const GREMIUM_CLASSIFICATIONS = ["ausschuss", "beirat"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const ZName = z
  .string()
  .trim()
  .min(1, "Bitte geben Sie einen Namen ein.")
  .refine(hasVisibleText, "Bitte geben Sie einen Namen ein.")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(200, "Der Name ist zu lang (höchstens 200 Zeichen).");
const ZShortName = z
  .string()
  .trim()
  .min(1, "Bitte geben Sie eine Kurzbezeichnung ein.")
  .refine(hasVisibleText, "Bitte geben Sie eine Kurzbezeichnung ein.")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(40, "Die Kurzbezeichnung ist zu lang (höchstens 40 Zeichen).");
const ZClassification = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.enum(GREMIUM_CLASSIFICATIONS, "Bitte wählen Sie Ausschuss oder Beirat.").optional(),
);

/** A committee (Gremium) needs its classification; other kinds must not have one. */
function classificationRule(value: { kind: OrganisationKind; classification?: string }, ctx: z.RefinementCtx) {
  if (value.kind === "gremium" && !value.classification) {
    ctx.addIssue({
      code: "custom",
      path: ["classification"],
      message: "Bitte wählen Sie für ein Gremium, ob es ein Ausschuss oder ein Beirat ist.",
    });
  }
}

export const ZCreateOrganisation = z
  .object({
    name: ZName,
    shortName: ZShortName,
    kind: z.enum(ORGANISATION_KINDS, "Bitte wählen Sie die Art der Organisation."),
    classification: ZClassification,
  })
  .superRefine(classificationRule)
  .transform((v) => ({ ...v, classification: v.kind === "gremium" ? v.classification! : null }));
export type CreateOrganisationInput = z.output<typeof ZCreateOrganisation>;

/** The kind is fixed once created: members, participations and Beratungsfolgen depend on it. */
export const ZUpdateOrganisation = z.object({
  organisationId: ZRequiredUuid("Unbekannte Organisation."),
  name: ZName,
  shortName: ZShortName,
  classification: ZClassification,
});
export type UpdateOrganisationInput = z.output<typeof ZUpdateOrganisation>;

export const ZOrganisationId = z.object({ organisationId: ZRequiredUuid("Unbekannte Organisation.") });
