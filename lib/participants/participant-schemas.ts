import { z } from "zod";
import { CONCEPT_ROLES } from "@/lib/permissions/permissions";
import { ZRequiredUuid } from "@/lib/validation/fields";

const ZRole = z.enum(CONCEPT_ROLES, "appError.participant.roleRequired");

/** Add a person (userId) or a whole organisation (organisationId) with a role. */
export const ZAddParticipant = z.discriminatedUnion(
  "kind",
  [
    z.object({
      conceptId: ZRequiredUuid("appError.common.unknownConcept"),
      kind: z.literal("user"),
      userId: ZRequiredUuid("appError.participant.userRequired"),
      role: ZRole,
    }),
    z.object({
      conceptId: ZRequiredUuid("appError.common.unknownConcept"),
      kind: z.literal("organisation"),
      organisationId: ZRequiredUuid("appError.common.organisationRequired"),
      role: ZRole,
    }),
  ],
  "appError.participant.kindRequired",
);

export const ZChangeParticipantRole = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  participantId: ZRequiredUuid("appError.participant.unknownParticipant"),
  role: ZRole,
});
export const ZRemoveParticipant = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  participantId: ZRequiredUuid("appError.participant.unknownParticipant"),
});
