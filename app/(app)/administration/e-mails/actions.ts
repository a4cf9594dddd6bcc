"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { parseOrThrow, runAction, type ActionResult } from "@/lib/http/action-result";
import { formDataToObject } from "@/lib/http/form-data";
import { retryMail } from "@/lib/mail/retry-mail";
import { ZRequiredUuid } from "@/lib/validation/fields";

const ZRetry = z.object({ mailId: ZRequiredUuid("Unbekannte E-Mail.") });

export async function retryMailAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  const t = await getTranslations("feedback");
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const { mailId } = parseOrThrow(ZRetry, formDataToObject(formData));
    await retryMail(await getDb(), actor, { mailId });
    revalidatePath("/administration", "layout");
  }, t("mailRetry"));
}
