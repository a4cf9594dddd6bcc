"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { deleteComment, editComment } from "@/lib/comments/edit-comment";
import type { CommentView } from "@/lib/comments/list-thread-comments";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { runAction, type ActionResult } from "@/lib/http/action-result";

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};
const ids = (form: FormData, key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
const revalidate = (form: FormData) =>
  revalidatePath(`/konzepte/${str(form, "conceptId")}/abschnitte/${str(form, "sectionId")}`);

/** Returns the new thread's id: the form then opens the page of the discussion that shows it (the last one). */
export async function createThreadAction(
  _prev: ActionResult<{ threadId: string }> | null,
  form: FormData,
): Promise<ActionResult<{ threadId: string }>> {
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const exact = str(form, "quote")?.trim();
    return createThread(await getDb(), actor, {
      conceptId: str(form, "conceptId") ?? "",
      sectionId: str(form, "sectionId") ?? "",
      body: str(form, "body") ?? "",
      visibility: str(form, "visibility") === "verwaltung" ? "verwaltung" : "alle",
      blocking: form.get("blocking") === "on",
      quote: exact
        ? { exact, prefix: str(form, "quotePrefix") ?? "", suffix: str(form, "quoteSuffix") ?? "" }
        : undefined,
      mentions: { users: ids(form, "mentionUsers"), organisations: ids(form, "mentionOrganisations") },
    });
  }, "feedback.commentSaved");
  if (result.ok) revalidate(form);
  return result;
}

/**
 * Returns the stored reply as the discussion lists it, and re-renders nothing: the form shows the reply in its
 * thread at once (a page with many threads would otherwise be rendered again for every reply). The thread's
 * status, counts and everything else on the page are unchanged by a reply.
 */
export async function replyAction(
  _prev: ActionResult<{ comment: CommentView }> | null,
  form: FormData,
): Promise<ActionResult<{ comment: CommentView }>> {
  return runAction(async () => {
    const actor = await requireActorOrThrow();
    const { comment } = await replyToThread(await getDb(), actor, {
      threadId: str(form, "threadId"),
      body: str(form, "body") ?? "",
      mentions: { users: ids(form, "mentionUsers"), organisations: ids(form, "mentionOrganisations") },
    });
    return { comment };
  }, "feedback.replySaved");
}

export async function editCommentAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () =>
      editComment(await getDb(), await requireActorOrThrow(), {
        commentId: str(form, "commentId"),
        body: str(form, "body") ?? "",
      }),
    "comments.editSaved",
  );
  if (result.ok) revalidate(form);
  return result;
}

export async function deleteCommentAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(
    async () => deleteComment(await getDb(), await requireActorOrThrow(), { commentId: str(form, "commentId") }),
    "comments.deleteSaved",
  );
  if (result.ok) revalidate(form);
  return result;
}

export async function resolveThreadAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const resolved = str(form, "resolved") === "true";
  const result = await runAction(
    async () =>
      setThreadResolved(await getDb(), await requireActorOrThrow(), { threadId: str(form, "threadId") }, resolved),
    resolved ? "feedback.threadResolved" : "feedback.threadReopened",
  );
  if (result.ok) revalidate(form);
  return result;
}

export async function decideThreadAction(
  _prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const revision = str(form, "revisionNumber")?.trim();
    return decideThread(await getDb(), await requireActorOrThrow(), {
      threadId: str(form, "threadId"),
      decision: str(form, "decision"),
      reason: str(form, "reason") ?? "",
      revisionNumber: revision ? revision : undefined,
    });
  }, "feedback.decisionSaved");
  if (result.ok) revalidate(form);
  return result;
}
