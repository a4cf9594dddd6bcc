import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE } from "@/lib/validation/fields";

const ZTitle = z
  .string()
  .trim()
  .min(1, "appError.common.titleRequired")
  .refine(hasVisibleText, "appError.common.titleRequired")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(200, "appError.section.titleTooLong");
const ZSectionRef = z.object({ conceptId: z.uuid(), sectionId: z.uuid() });
const ZOwner = z.uuid("appError.common.organisationRequired");

export const ZAddSection = z.object({ conceptId: z.uuid(), title: ZTitle, ownerOrganisationId: ZOwner });
export const ZRenameSection = ZSectionRef.extend({ title: ZTitle });
export const ZSetSectionOwner = ZSectionRef.extend({ ownerOrganisationId: ZOwner });
export const ZSetSectionMandateItems = ZSectionRef.extend({ mandateItemIds: z.array(z.uuid()).max(100) });
export { ZSectionRef };
export const ZMoveSection = ZSectionRef.extend({ direction: z.enum(["up", "down"]) });
export const ZRestoreRevision = ZSectionRef.extend({
  number: z.coerce.number().int().min(1),
  baseVersion: z.coerce.number().int().min(0),
});

/** The editor's content is checked against the editor schema by the service (validateContent); here only its envelope. */
const ZContentEnvelope = z.record(z.string(), z.unknown());

export const ZSaveSection = ZSectionRef.extend({
  baseVersion: z.number().int().min(0),
  content: ZContentEnvelope,
  note: z.string().max(500, "appError.section.noteTooLong").nullish(),
});

export const ZSectionConflict = ZSectionRef.extend({
  baseVersion: z.number().int().min(0),
  content: ZContentEnvelope,
});
