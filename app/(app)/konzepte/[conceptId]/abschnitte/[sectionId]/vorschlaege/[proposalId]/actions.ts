"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { acceptProposal } from "@/lib/proposals/accept-proposal";
import { decideProposal, rejectProposal, withdrawProposal } from "@/lib/proposals/close-proposal";

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};
const done = (form: FormData) => revalidatePath(`/konzepte/${str(form, "conceptId")}`, "layout");

export async function acceptProposalAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () =>
      acceptProposal(await getDb(), await requireActorOrThrow(), {
        proposalId: str(form, "proposalId"),
        baseVersion: str(form, "baseVersion"),
      }),
    "feedback.proposalAccepted",
  );
  if (result.ok) done(form);
  return result;
}

export async function rejectProposalAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () =>
      rejectProposal(await getDb(), await requireActorOrThrow(), {
        proposalId: str(form, "proposalId"),
        reason: str(form, "reason") ?? "",
      }),
    "feedback.proposalRejected",
  );
  if (result.ok) done(form);
  return result;
}

export async function withdrawProposalAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () => withdrawProposal(await getDb(), await requireActorOrThrow(), { proposalId: str(form, "proposalId") }),
    "feedback.proposalWithdrawn",
  );
  if (result.ok) done(form);
  return result;
}

export async function decideProposalAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const revision = str(form, "revisionNumber")?.trim();
    return decideProposal(await getDb(), await requireActorOrThrow(), {
      proposalId: str(form, "proposalId"),
      decision: str(form, "decision"),
      reason: str(form, "reason") ?? "",
      revisionNumber: revision || undefined,
    });
  }, "feedback.decisionSaved");
  if (result.ok) done(form);
  return result;
}
