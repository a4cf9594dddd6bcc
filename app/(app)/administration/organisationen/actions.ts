"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { ZCreateOrganisation, ZOrganisationId, ZUpdateOrganisation } from "@/lib/organisations/organisation-schemas";
import { setOrganisationActive } from "@/lib/organisations/set-organisation-active";
import { updateOrganisation } from "@/lib/organisations/update-organisation";

export async function createOrganisationAction(_: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZCreateOrganisation, formDataToObject(formData));
    const result = await createOrganisation(await getDb(), actor, input);
    revalidatePath("/administration", "layout");
    return result;
  }, "feedback.organisationCreated");
}

export async function updateOrganisationAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZUpdateOrganisation, formDataToObject(formData));
    await updateOrganisation(await getDb(), actor, input);
    revalidatePath("/administration", "layout");
  }, "feedback.saved");
}

export async function setOrganisationActiveAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(
    async () => {
      const actor = await requireActorOrThrow();
      const { organisationId } = parseOrThrow(ZOrganisationId, formDataToObject(formData));
      const active = formData.get("active") === "true";
      await setOrganisationActive(await getDb(), actor, { organisationId, active });
      revalidatePath("/administration", "layout");
    },
    formData.get("active") === "true" ? "feedback.reactivated" : "feedback.deactivated",
  );
}
