"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { createUser } from "@/lib/users/create-user";
import { sendSignInLink, setUserPasswordByAdmin } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";

const form = (formData: FormData) => formDataToObject(formData, ["organisationIds"]);
const administration = () => [{ layout: "/administration" }];

export const createUserAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => createUser(db, actor, input),
  revalidate: administration,
  redirect: ({ id, linkSent }) => `/administration/personen/${id}?angelegt=${linkSent ? "link" : "passwort"}`,
});

export const updateUserAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => updateUser(db, actor, input),
  success: "feedback.saved",
  revalidate: administration,
});

export const setUserActiveAction = defineAction({
  input: (formData: FormData): Record<string, unknown> => ({
    ...formDataToObject(formData),
    active: formData.get("active") === "true",
  }),
  run: ({ db, actor }, input) => setUserActive(db, actor, input),
  success: (_, input) => (input.active ? "feedback.userReactivated" : "feedback.userDeactivated"),
  revalidate: administration,
});

export const sendSignInLinkAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => sendSignInLink(db, actor, input),
  success: "feedback.linkSent",
  revalidate: administration,
});

export const setUserPasswordAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => setUserPasswordByAdmin(db, actor, input),
  success: "feedback.passwordSet",
  revalidate: administration,
});
