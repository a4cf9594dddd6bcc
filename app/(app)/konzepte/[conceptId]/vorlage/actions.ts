"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { formDataToObject } from "@/lib/http/form-data";
import { changeBeratungsfolge } from "@/lib/workflow/change-beratungsfolge";
import { takeDeliberationStep } from "@/lib/workflow/deliberation";
import { recordOutcome } from "@/lib/workflow/record-outcome";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";

function revalidate(conceptId: unknown) {
  if (typeof conceptId !== "string") return;
  revalidatePath(`/konzepte/${conceptId}`, "layout");
}

export async function submitVorlageAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  const input = {
    conceptId: raw.conceptId,
    paperType: raw.paperType,
    reference: raw.reference,
    paperDate: raw.paperDate,
  };
  return runAction(async () => {
    const result = await submitVorlage(
      await getDb(),
      await requireActorOrThrow(),
      input as Parameters<typeof submitVorlage>[2],
    );
    revalidate(raw.conceptId);
    return result;
  }, "vorlage.submitted");
}

export async function changeBeratungsfolgeAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  return runAction(async () => {
    const result = await changeBeratungsfolge(
      await getDb(),
      await requireActorOrThrow(),
      raw as Parameters<typeof changeBeratungsfolge>[2],
    );
    revalidate(raw.conceptId);
    return result;
  }, "vorlage.folgeEditor.saved");
}

export async function recordOutcomeAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  return runAction(async () => {
    await recordOutcome(await getDb(), await requireActorOrThrow(), raw);
    revalidate(raw.conceptId);
  }, "vorlage.outcomeSaved");
}

export async function deliberationStepAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const raw = formDataToObject(formData);
  return runAction(async () => {
    const result = await takeDeliberationStep(await getDb(), await requireActorOrThrow(), raw);
    revalidate(raw.conceptId);
    return result;
  }, "vorlage.stepTaken");
}
