"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { retryMail } from "@/lib/mail/retry-mail";
import { ZRequiredUuid } from "@/lib/validation/fields";

const ZRetry = z.object({ mailId: ZRequiredUuid("appError.mail.unknownMail") });

export async function retryMailAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const { mailId } = parseOrThrow(ZRetry, formDataToObject(formData));
    await retryMail(await getDb(), actor, { mailId });
    revalidatePath("/administration", "layout");
  }, "feedback.mailRetry");
}
