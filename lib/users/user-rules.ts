import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { LAST_ADMIN_MESSAGE, keepsActiveAdmin, type AdminChange } from "./admin-invariant";

const ADMIN_LOCK = 4_712_2021;
export const DUPLICATE_EMAIL = "appError.user.emailTaken";

export async function assertEmailFree(tx: Tx, email: string, exceptUserId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (other && other.id !== exceptUserId)
    throw new AppError("VALIDATION", DUPLICATE_EMAIL, {}, { email: DUPLICATE_EMAIL });
}

/** The chosen organisations, all of which must exist and be active; otherwise a field error. */
export async function loadActiveOrganisations(tx: Tx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, unique), eq(organisations.active, true)));
  if (rows.length !== unique.length) {
    const message = "appError.user.activeOrganisationsOnly";
    throw new AppError("VALIDATION", message, {}, { organisationIds: message });
  }
  return rows;
}

/**
 * Serialises every change to admin flags and activity (transaction-scoped advisory lock), then refuses one
 * that would leave no active admin.
 */
export async function assertKeepsActiveAdmin(tx: Tx, change: AdminChange, field: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
  const rows = await tx
    .select({ id: users.id, isAdmin: users.isAdmin, active: users.active })
    .from(users)
    .where(or(eq(users.isAdmin, true), eq(users.id, change.userId)));
  if (!keepsActiveAdmin(rows, change))
    throw new AppError("VALIDATION", LAST_ADMIN_MESSAGE, {}, { [field]: LAST_ADMIN_MESSAGE });
}
