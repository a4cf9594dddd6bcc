import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE, ZRequiredUuid } from "@/lib/validation/fields";

export const ORGANISATION_KINDS = ["verwaltung", "traeger", "gremium"] as const;
export const GREMIUM_CLASSIFICATIONS = ["ausschuss", "beirat"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const ZName = z
  .string()
  .trim()
  .min(1, "appError.common.nameRequired")
  .refine(hasVisibleText, "appError.common.nameRequired")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(200, "appError.common.nameTooLong");
const ZShortName = z
  .string()
  .trim()
  .min(1, "appError.organisation.shortNameRequired")
  .refine(hasVisibleText, "appError.organisation.shortNameRequired")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(40, "appError.organisation.shortNameTooLong");
const ZClassification = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.enum(GREMIUM_CLASSIFICATIONS, "appError.organisation.classificationRequired").optional(),
);

/** A committee (Gremium) needs its classification; other kinds must not have one. */
function classificationRule(value: { kind: OrganisationKind; classification?: string }, ctx: z.RefinementCtx) {
  if (value.kind === "gremium" && !value.classification) {
    ctx.addIssue({
      code: "custom",
      path: ["classification"],
      message: "appError.organisation.classificationForCommittee",
    });
  }
}

export const ZCreateOrganisation = z
  .object({
    name: ZName,
    shortName: ZShortName,
    kind: z.enum(ORGANISATION_KINDS, "appError.organisation.kindRequired"),
    classification: ZClassification,
  })
  .superRefine(classificationRule)
  .transform((v) => ({ ...v, classification: v.kind === "gremium" ? v.classification! : null }));

/** The kind is fixed once created: members, participations and Beratungsfolgen depend on it. */
export const ZUpdateOrganisation = z.object({
  organisationId: ZRequiredUuid("appError.common.unknownOrganisation"),
  name: ZName,
  shortName: ZShortName,
  classification: ZClassification,
});

const ZOrganisationId = z.object({ organisationId: ZRequiredUuid("appError.common.unknownOrganisation") });
export const ZSetOrganisationActive = ZOrganisationId.extend({ active: z.boolean() });
