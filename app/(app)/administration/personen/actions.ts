"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { createUser } from "@/lib/users/create-user";
import { sendSignInLink, setUserPasswordByAdmin } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { ZCreateUser, ZSetPassword, ZUpdateUser, ZUserId } from "@/lib/users/user-admin-schemas";

const ARRAYS = ["organisationIds"] as const;

export async function createUserAction(
  _: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; linkSent: boolean }>> {
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZCreateUser, formDataToObject(formData, ARRAYS));
    return createUser(await getDb(), actor, input);
  });
  if (!result.ok) return result;
  revalidatePath("/administration", "layout");
  redirect(`/administration/personen/${result.data.id}?angelegt=${result.data.linkSent ? "link" : "passwort"}`);
}

export async function updateUserAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZUpdateUser, formDataToObject(formData, ARRAYS));
    await updateUser(await getDb(), actor, input);
    revalidatePath("/administration", "layout");
  }, "feedback.saved");
}

export async function setUserActiveAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  const active = formData.get("active") === "true";
  return runAction(
    async () => {
      const actor = await requireActorOrThrow();
      const { userId } = parseOrThrow(ZUserId, formDataToObject(formData));
      await setUserActive(await getDb(), actor, { userId, active });
      revalidatePath("/administration", "layout");
    },
    active ? "feedback.userReactivated" : "feedback.userDeactivated",
  );
}

export async function sendSignInLinkAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const { userId } = parseOrThrow(ZUserId, formDataToObject(formData));
    await sendSignInLink(await getDb(), actor, { userId });
    revalidatePath("/administration", "layout");
  }, "feedback.linkSent");
}

export async function setUserPasswordAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZSetPassword, formDataToObject(formData));
    await setUserPasswordByAdmin(await getDb(), actor, input);
    revalidatePath("/administration", "layout");
  }, "feedback.passwordSet");
}
