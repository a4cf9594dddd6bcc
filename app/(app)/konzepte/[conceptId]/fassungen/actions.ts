"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";

const ZCreateFassung = z.object({
  conceptId: z.uuid(),
  name: z.string().trim().min(1, "appError.common.nameRequired").max(120, "appError.fassung.nameTooLong"),
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
