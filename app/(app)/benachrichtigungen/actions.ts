"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { markNotificationsRead, setEmailPreferences } from "@/lib/notifications/inbox";
import type { NotificationKind } from "@/lib/notifications/notification-kinds";

export async function markReadAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const ids = form.getAll("id").filter((v): v is string => typeof v === "string");
    return markNotificationsRead(await getDb(), await requireActorOrThrow(), { ids, all: form.get("all") === "true" });
  }, "feedback.markedRead");
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function savePreferencesAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const kinds = form.getAll("email").filter((v): v is NotificationKind => typeof v === "string");
    return setEmailPreferences(await getDb(), await requireActorOrThrow(), kinds);
  }, "feedback.settingsSaved");
  if (result.ok) revalidatePath("/benachrichtigungen/einstellungen");
  return result;
}
