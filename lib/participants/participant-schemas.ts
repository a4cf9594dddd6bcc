import { z } from "zod";
import { CONCEPT_ROLES } from "@/lib/permissions/permissions";
import { ZRequiredUuid } from "@/lib/validation/fields";

const ZRole = z.enum(CONCEPT_ROLES, "Bitte wählen Sie eine Rolle.");

/** Add a person (userId) or a whole organisation (organisationId) with a role. */
export const ZAddParticipant = z.discriminatedUnion(
  "kind",
  [
    z.object({
      conceptId: ZRequiredUuid("Unbekanntes Konzept."),
      kind: z.literal("user"),
      userId: ZRequiredUuid("Bitte wählen Sie eine Person."),
      role: ZRole,
    }),
    z.object({
      conceptId: ZRequiredUuid("Unbekanntes Konzept."),
      kind: z.literal("organisation"),
      organisationId: ZRequiredUuid("Bitte wählen Sie eine Organisation."),
      role: ZRole,
    }),
  ],
  "Bitte wählen Sie, ob Sie eine Person oder eine Organisation hinzufügen.",
);
export type AddParticipantInput = z.output<typeof ZAddParticipant>;

export const ZChangeParticipantRole = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  participantId: ZRequiredUuid("Unbekannte Beteiligung."),
  role: ZRole,
});
export const ZRemoveParticipant = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  participantId: ZRequiredUuid("Unbekannte Beteiligung."),
});
