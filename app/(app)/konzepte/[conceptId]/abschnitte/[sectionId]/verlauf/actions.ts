"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { restoreSectionRevision } from "@/lib/sections/restore-section-revision";

const ZRestoreRevision = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  number: z.coerce.number().int().min(1),
  baseVersion: z.coerce.number().int().min(0),
});

export async function restoreRevisionAction(
  _previous: ActionResult<{ version: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ version: number }>> {
  const t = await getTranslations("history");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZRestoreRevision, Object.fromEntries(formData));
    const outcome = await restoreSectionRevision(await getDb(), actor, input);
    message =
      outcome.status === "saved"
        ? t("restored", { number: input.number, version: outcome.version })
        : t("restoreUnchanged");
    revalidatePath(`/konzepte/${input.conceptId}`, "layout");
    return { version: outcome.version };
  });
  return result.ok ? { ...result, message } : result;
}
