import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/i18n/locales";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZUpdateProfile } from "./user-admin-schemas";

/** Every user edits their own name and language, and only their own: the id comes from the session, never from input. */
export async function updateOwnProfile(db: Db, actor: Actor, rawInput: unknown): Promise<{ locale: Locale }> {
  const input = parseOrThrow(ZUpdateProfile, rawInput);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ name: input.name, locale: input.locale, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.profile_updated",
      objectType: "user",
      objectId: actor.id,
      summary: { before: { name: actor.name, locale: actor.locale }, after: input },
    });
  });
  return { locale: input.locale };
}
