"use server";

import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { deleteComment, editComment } from "@/lib/comments/edit-comment";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { defineAction, field, fields } from "@/lib/http/define-action";

const section = (input: { conceptId?: string; sectionId?: string }) => [
  `/konzepte/${input.conceptId}/abschnitte/${input.sectionId}`,
];
const where = (form: FormData) => ({ conceptId: field(form, "conceptId"), sectionId: field(form, "sectionId") });
const mentions = (form: FormData) => ({
  users: fields(form, "mentionUsers"),
  organisations: fields(form, "mentionOrganisations"),
});

/** Returns the new thread's id: the form then opens the page of the discussion that shows it (the last one). */
export const createThreadAction = defineAction({
  input: (form: FormData) => {
    const exact = field(form, "quote")?.trim();
    return {
      conceptId: field(form, "conceptId") ?? "",
      sectionId: field(form, "sectionId") ?? "",
      body: field(form, "body") ?? "",
      visibility: field(form, "visibility") === "verwaltung" ? ("verwaltung" as const) : ("alle" as const),
      blocking: form.get("blocking") === "on",
      quote: exact
        ? { exact, prefix: field(form, "quotePrefix") ?? "", suffix: field(form, "quoteSuffix") ?? "" }
        : undefined,
      suggestionId: field(form, "suggestionId"),
      mentions: mentions(form),
    };
  },
  run: ({ db, actor }, input) => createThread(db, actor, input),
  success: "feedback.commentSaved",
  revalidate: section,
});

/**
 * Returns the stored reply as the discussion lists it, and re-renders nothing: the form shows the reply in its
 * thread at once (a page with many threads would otherwise be rendered again for every reply). The thread's
 * status, counts and everything else on the page are unchanged by a reply.
 */
export const replyAction = defineAction({
  input: (form: FormData) => ({
    threadId: field(form, "threadId"),
    body: field(form, "body") ?? "",
    mentions: mentions(form),
  }),
  run: async ({ db, actor }, input) => ({ comment: (await replyToThread(db, actor, input)).comment }),
  success: "feedback.replySaved",
});

export const editCommentAction = defineAction({
  input: (form: FormData) => ({ ...where(form), commentId: field(form, "commentId"), body: field(form, "body") ?? "" }),
  run: ({ db, actor }, input) => editComment(db, actor, input),
  success: "comments.editSaved",
  revalidate: section,
});

export const deleteCommentAction = defineAction({
  input: (form: FormData) => ({ ...where(form), commentId: field(form, "commentId") }),
  run: ({ db, actor }, input) => deleteComment(db, actor, input),
  success: "comments.deleteSaved",
  revalidate: section,
});

export const resolveThreadAction = defineAction({
  input: (form: FormData) => ({
    ...where(form),
    threadId: field(form, "threadId"),
    resolved: field(form, "resolved") === "true",
  }),
  run: ({ db, actor }, input) => setThreadResolved(db, actor, { threadId: input.threadId }, input.resolved),
  success: (_, input) => (input.resolved ? "feedback.threadResolved" : "feedback.threadReopened"),
  revalidate: section,
});

export const decideThreadAction = defineAction({
  input: (form: FormData) => ({
    ...where(form),
    threadId: field(form, "threadId"),
    decision: field(form, "decision"),
    reason: field(form, "reason") ?? "",
    revisionNumber: field(form, "revisionNumber")?.trim() || undefined,
  }),
  run: ({ db, actor }, input) => decideThread(db, actor, input),
  success: "feedback.decisionSaved",
  revalidate: section,
});
