"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { getActor } from "@/lib/auth/actor";
import { setUserLocale } from "@/lib/users/set-user-locale";

export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
    httpOnly: true,
  });
  const actor = await getActor();
  if (actor) await setUserLocale(actor, locale);
  revalidatePath("/", "layout");
}
