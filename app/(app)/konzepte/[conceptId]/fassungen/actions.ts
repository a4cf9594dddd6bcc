"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { parseOrThrow, runAction, type ActionResult } from "@/lib/http/action-result";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE } from "@/lib/validation/fields";

const ZCreateFassung = z.object({
  conceptId: z.uuid(),
  name: z
    .string()
    .trim()
    .min(1, "Bitte geben Sie einen Namen ein.")
    .refine(hasVisibleText, "Bitte geben Sie einen Namen ein.")
    .refine(isSingleLine, SINGLE_LINE_MESSAGE)
    .max(120, "Der Name darf höchstens 120 Zeichen lang sein."),
});

export async function createFassungAction(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const t = await getTranslations("fassungen");
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZCreateFassung, Object.fromEntries(formData));
    const created = await createFassung(await getDb(), actor, input);
    message = t("created", { name: input.name, count: created.sectionCount });
    revalidatePath(`/konzepte/${input.conceptId}/fassungen`);
    return created;
  });
  return result.ok ? { ...result, message } : result;
}
