"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { createCalendarToken, revokeCalendarToken } from "@/lib/planning/calendar-feed";

export async function createCalendarLinkAction(): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () => createCalendarToken(await getDb(), await requireActorOrThrow()),
    "feedback.calendarLinkCreated",
  );
  revalidatePath("/profil");
  return result;
}

export async function revokeCalendarLinkAction(): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () => revokeCalendarToken(await getDb(), await requireActorOrThrow()),
    "feedback.calendarLinkDeleted",
  );
  revalidatePath("/profil");
  return result;
}
