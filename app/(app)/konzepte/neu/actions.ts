"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { CONCEPT_FORM_ARRAYS, ZConceptFromMandate, conceptFormToInput } from "@/lib/concepts/concept-schemas";
import { createConceptFromMandate } from "@/lib/concepts/create-concept-from-mandate";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";

export async function createConceptAction(
  _: unknown,
  formData: FormData,
): Promise<ActionResult<{ conceptId: string }>> {
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(
      ZConceptFromMandate,
      conceptFormToInput(formDataToObject(formData, CONCEPT_FORM_ARRAYS)),
    );
    return createConceptFromMandate(await getDb(), actor, input);
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/konzepte/${result.data.conceptId}/beteiligte?neu=1`);
}
