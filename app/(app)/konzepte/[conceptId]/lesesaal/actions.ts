"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { formDataToObject } from "@/lib/http/form-data";
import { answerCommitteeQuestion, askCommitteeQuestion } from "@/lib/workflow/committee-questions";

export async function askQuestionAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  return runAction(async () => {
    const result = await askCommitteeQuestion(await getDb(), await requireActorOrThrow(), raw);
    if (typeof raw.conceptId === "string") revalidatePath(`/konzepte/${raw.conceptId}/lesesaal`);
    return result;
  }, "readingRoom.asked");
}

export async function answerQuestionAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  return runAction(async () => {
    await answerCommitteeQuestion(await getDb(), await requireActorOrThrow(), raw);
    if (typeof raw.conceptId === "string") revalidatePath(`/konzepte/${raw.conceptId}/lesesaal`);
  }, "readingRoom.answered");
}
