"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { signOff } from "@/lib/workflow/sign-off";

type Result = ActionResult<unknown>;

export async function signOffAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("signoff");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const raw = Object.fromEntries(formData);
    const input = { ...raw, organisationId: raw.organisationId || undefined, remarks: raw.remarks || undefined };
    const done = await signOff(await getDb(), actor, input);
    message = done.rejected
      ? t("rejectedDone", { organisation: done.organisationName })
      : t("signed", { organisation: done.organisationName });
    revalidatePath(`/konzepte/${String(raw.conceptId)}`, "layout");
  });
  return result.ok ? { ...result, message } : result;
}

export async function setRequiredSignoffsAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("signoff");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const conceptId = String(formData.get("conceptId") ?? "");
    const { names } = await setRequiredSignoffs(await getDb(), actor, {
      conceptId,
      organisationIds: formData.getAll("organisationIds"),
    });
    message = t("requiredSaved", { names: names.join(", ") });
    revalidatePath(`/konzepte/${conceptId}`, "layout");
  });
  return result.ok ? { ...result, message } : result;
}
