"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { setPlanningSettings } from "@/lib/planning/set-planning-settings";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { transitionConcept } from "@/lib/workflow/transition-concept";

type Result = ActionResult<unknown>;

/** A workflow step from the panel: authenticate, let the service decide, revalidate the concept. */
export async function transitionConceptAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("workflow");
  const ts = await getTranslations("status");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = Object.fromEntries(formData);
    const { to } = await transitionConcept(await getDb(), actor, input);
    message = t("done", { step: t(`transition.${String(input.transition)}` as "transition.close"), status: ts(to) });
    revalidatePath(`/konzepte/${String(input.conceptId)}`, "layout");
  });
  return result.ok ? { ...result, message } : result;
}

export async function setSectionStatusAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("workflow");
  const ts = await getTranslations("sectionStatus");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = Object.fromEntries(formData);
    await setSectionStatus(await getDb(), actor, input);
    message = t("sectionMoved", { title: String(input.title ?? ""), status: ts(String(input.to) as "entwurf") });
    revalidatePath(`/konzepte/${String(input.conceptId)}`, "layout");
  });
  return result.ok ? { ...result, message } : result;
}

export async function setPlanningSettingsAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const conceptId = String(form.get("conceptId") ?? "");
  const result = await runAction(
    async () =>
      setPlanningSettings(await getDb(), await requireActorOrThrow(), {
        conceptId,
        submissionLeadDays: form.get("submissionLeadDays"),
        signoffDays: form.get("signoffDays"),
        revisionDays: form.get("revisionDays"),
      }),
    "feedback.planningSaved",
  );
  if (result.ok) revalidatePath(`/konzepte/${conceptId}`);
  return result;
}
