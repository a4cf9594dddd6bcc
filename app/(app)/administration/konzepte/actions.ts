"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { openBreakGlass } from "@/lib/concepts/open-break-glass";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { formDataToObject } from "@/lib/http/form-data";

/** Break-glass access (docs/decisions/0011): with a reason, audited, the lead told; then on to the Protokoll. */
export async function openBreakGlassAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  let conceptId: string | null = null;
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    ({ conceptId } = await openBreakGlass(await getDb(), actor, formDataToObject(formData)));
  });
  if (result.ok && conceptId) redirect(`/konzepte/${conceptId}/protokoll?notfallzugriff=1`);
  return result;
}
