import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { organisations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZCreateOrganisation } from "./organisation-schemas";

const DUPLICATE = "appError.organisation.nameTaken";

export async function assertOrganisationNameFree(tx: Tx, name: string, exceptId?: string) {
  const [other] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(sql`lower(${organisations.name})`, name.toLowerCase()));
  if (other && other.id !== exceptId) throw new AppError("VALIDATION", DUPLICATE, {}, { name: DUPLICATE });
}

export async function createOrganisation(db: Db, actor: Actor, rawInput: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(ZCreateOrganisation, rawInput);
  assertCanGlobally(actor, "admin.organisations");
  try {
    return await db.transaction(async (tx) => {
      await assertOrganisationNameFree(tx, input.name);
      const [row] = await tx
        .insert(organisations)
        .values({
          name: input.name,
          shortName: input.shortName,
          kind: input.kind,
          classification: input.classification,
        })
        .returning({ id: organisations.id });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "organisation.created",
        objectType: "organisation",
        objectId: row!.id,
        summary: {
          after: {
            name: input.name,
            shortName: input.shortName,
            kind: input.kind,
            classification: input.classification,
          },
        },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", DUPLICATE, {}, { name: DUPLICATE });
    throw error;
  }
}
