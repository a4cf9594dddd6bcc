"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { updateOwnProfile } from "@/lib/users/update-own-profile";
import { ZChangePassword, ZUpdateProfile } from "@/lib/users/user-admin-schemas";

/** No user id is read from the form: a person can only ever change their own profile. */
export async function updateProfileAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZUpdateProfile, formDataToObject(formData));
    await updateOwnProfile(await getDb(), actor, input);
    (await cookies()).set(LOCALE_COOKIE, input.locale, {
      path: "/",
      sameSite: "lax",
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: true,
    });
    revalidatePath("/", "layout");
  });
  // The message in the language just chosen.
  return result.ok ? { ...result, message: (await getTranslations("feedback"))("saved") } : result;
}

export async function changePasswordAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZChangePassword, formDataToObject(formData));
    await changeOwnPassword(await getDb(), actor, input);
  }, "feedback.passwordChanged");
}
