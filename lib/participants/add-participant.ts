import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { conceptParticipants, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, fieldError } from "@/lib/errors";
import { participantRolesForOrganisation } from "@/lib/permissions/permissions";
import { lockConcept, requireParticipantManager } from "./participant-rules";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZAddParticipant } from "./participant-schemas";

const ALREADY = "appError.participant.alreadyParticipating";

/** The lead (or an admin) adds an active person or a whole active organisation with a role. */
export async function addParticipant(db: Db, actor: Actor, rawInput: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(ZAddParticipant, rawInput);
  await requireParticipantManager(db, actor, input.conceptId);
  try {
    return await db.transaction(async (tx) => {
      await lockConcept(tx, input.conceptId);
      let name: string;
      if (input.kind === "user") {
        const [user] = await tx
          .select({ name: users.name })
          .from(users)
          .where(and(eq(users.id, input.userId), eq(users.active, true)));
        if (!user)
          throw new AppError(
            "VALIDATION",
            "appError.participant.activeUserRequired",
            {},
            {
              userId: "appError.participant.activeUserRequired",
            },
          );
        name = user.name;
      } else {
        const [org] = await tx
          .select({ name: organisations.name, kind: organisations.kind })
          .from(organisations)
          .where(and(eq(organisations.id, input.organisationId), eq(organisations.active, true)));
        if (!org)
          throw new AppError(
            "VALIDATION",
            "appError.participant.activeOrganisationRequired",
            {},
            {
              organisationId: "appError.participant.activeOrganisationRequired",
            },
          );
        const allowed = participantRolesForOrganisation(org.kind);
        if (!allowed.includes(input.role)) {
          throw fieldError("role", "appError.participant.roleOnly", {
            roles: {
              join: "or",
              items: allowed.map((r) => ({
                key: "appError.participant.quotedRole",
                params: { role: { key: `role.${r}` } },
              })),
            },
          });
        }
        name = org.name;
      }
      const key =
        input.kind === "user"
          ? eq(conceptParticipants.userId, input.userId)
          : eq(conceptParticipants.organisationId, input.organisationId);
      const [existing] = await tx
        .select({ id: conceptParticipants.id })
        .from(conceptParticipants)
        .where(and(eq(conceptParticipants.conceptId, input.conceptId), key));
      if (existing)
        throw new AppError(
          "VALIDATION",
          ALREADY,
          {},
          { [input.kind === "user" ? "userId" : "organisationId"]: ALREADY },
        );
      const [row] = await tx
        .insert(conceptParticipants)
        .values({
          conceptId: input.conceptId,
          role: input.role,
          userId: input.kind === "user" ? input.userId : null,
          organisationId: input.kind === "organisation" ? input.organisationId : null,
        })
        .returning({ id: conceptParticipants.id });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "participant.added",
        objectType: "participant",
        objectId: row!.id,
        conceptId: input.conceptId,
        summary: { after: { kind: input.kind, name, role: input.role } },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("VALIDATION", ALREADY, {}, { [input.kind === "user" ? "userId" : "organisationId"]: ALREADY });
    throw error;
  }
}
