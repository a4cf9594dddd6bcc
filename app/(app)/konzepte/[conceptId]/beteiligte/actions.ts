"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { addParticipant } from "@/lib/participants/add-participant";
import { changeParticipantRole, removeParticipant } from "@/lib/participants/change-participant";
import { ZAddParticipant, ZChangeParticipantRole, ZRemoveParticipant } from "@/lib/participants/participant-schemas";

const revalidate = (conceptId: string) => {
  revalidatePath(`/konzepte/${conceptId}`, "layout");
  revalidatePath("/", "layout");
};

export async function addParticipantAction(_: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZAddParticipant, formDataToObject(formData));
    const result = await addParticipant(await getDb(), actor, input);
    revalidate(input.conceptId);
    return result;
  }, "feedback.participantAdded");
}

export async function changeParticipantRoleAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZChangeParticipantRole, formDataToObject(formData));
    await changeParticipantRole(await getDb(), actor, input);
    revalidate(input.conceptId);
  }, "feedback.roleChanged");
}

export async function removeParticipantAction(_: unknown, formData: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const input = parseOrThrow(ZRemoveParticipant, formDataToObject(formData));
    const outcome = await removeParticipant(await getDb(), actor, input);
    revalidate(input.conceptId);
    return outcome;
  }, "feedback.participantRemoved");
  // Whoever removed their own access to the concept goes back to the start page.
  if (result.ok && result.data.removedOwnAccess) redirect("/");
  return result.ok ? { ok: true, data: undefined, message: result.message } : result;
}
