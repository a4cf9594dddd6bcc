"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { updateOwnProfile } from "@/lib/users/update-own-profile";

/** No user id is read from the form: a person can only ever change their own profile. */
export const updateProfileAction = defineAction({
  input: formDataToObject,
  run: async ({ db, actor }, input) => {
    const { locale } = await updateOwnProfile(db, actor, input);
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: true,
    });
  },
  // Rendered after the cookie is set: the message is in the language just chosen.
  success: "feedback.saved",
  revalidate: () => [{ layout: "/" }],
});

export const changePasswordAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => changeOwnPassword(db, actor, input),
  success: "feedback.passwordChanged",
});
