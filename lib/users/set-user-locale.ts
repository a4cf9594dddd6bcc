import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/i18n/locales";

/** A preference of the user's own; not an audited change. */
export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.id));
}
