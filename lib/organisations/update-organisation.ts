import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, notFound } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { assertOrganisationNameFree } from "./create-organisation";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZUpdateOrganisation } from "./organisation-schemas";

/** Rename (and, for a committee, reclassify). The kind stays as created. */
export async function updateOrganisation(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZUpdateOrganisation, rawInput);
  assertCanGlobally(actor, "admin.organisations");
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(organisations)
        .where(eq(organisations.id, input.organisationId))
        .for("update");
      if (!before) throw notFound();
      if (before.kind === "gremium" && !input.classification) {
        const message = "appError.organisation.classificationForCommittee";
        throw new AppError("VALIDATION", message, {}, { classification: message });
      }
      await assertOrganisationNameFree(tx, input.name, before.id);
      const after = {
        name: input.name,
        shortName: input.shortName,
        classification: before.kind === "gremium" ? input.classification! : null,
      };
      await tx
        .update(organisations)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(organisations.id, before.id));
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "organisation.updated",
        objectType: "organisation",
        objectId: before.id,
        summary: {
          before: { name: before.name, shortName: before.shortName, classification: before.classification },
          after,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        "VALIDATION",
        "appError.organisation.nameTaken",
        {},
        {
          name: "appError.organisation.nameTaken",
        },
      );
    throw error;
  }
}
