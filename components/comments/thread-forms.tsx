"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyDetails } from "@/components/ui/lazy-details";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import type { FormAction as TypedFormAction } from "@/components/forms/use-action-form";
import type { CommentView } from "@/lib/comments/list-thread-comments";
import { MentionPicker, type Mentionables } from "./mention-picker";
import { useAddSentReply, useAnnounceInThread } from "./sent-replies";

/** The section page's comment actions (its comment-actions.ts), handed down as props. */
export type CommentActions = {
  createThread: TypedFormAction<{ threadId: string }>;
  reply: TypedFormAction<{ comment: CommentView }>;
  editComment: FormAction;
  deleteComment: FormAction;
  resolveThread: FormAction;
  decideThread: FormAction;
};

export type ThreadCtx = { conceptId: string; sectionId: string; threadId: string; actions: CommentActions };
type Ctx = ThreadCtx;

function Hidden({ ctx }: { ctx: Ctx }) {
  return (
    <>
      <input type="hidden" name="conceptId" value={ctx.conceptId} />
      <input type="hidden" name="sectionId" value={ctx.sectionId} />
      <input type="hidden" name="threadId" value={ctx.threadId} />
    </>
  );
}

export function ReplyForm({ ctx, mentionables }: { ctx: Ctx; mentionables: Mentionables }) {
  const t = useTranslations("comments");
  const id = `reply-${ctx.threadId}`;
  const addSent = useAddSentReply();
  return (
    <ActionForm
      action={ctx.actions.reply}
      className="mt-3"
      label={t("replyForm")}
      onSuccess={({ comment }) => addSent(comment)}
    >
      {({ pending, fieldErrors }) => (
        <div className="flex flex-col gap-2">
          <Hidden ctx={ctx} />
          <label htmlFor={id} className="text-sm font-semibold">
            {t("reply")}
          </label>
          <textarea
            id={id}
            name="body"
            rows={2}
            maxLength={10000}
            aria-invalid={fieldErrors.body ? true : undefined}
            aria-describedby={fieldErrors.body ? `${id}-error` : undefined}
            className="w-full rounded-md border border-muted px-3 py-2"
          />
          <FieldError id={`${id}-error`} message={fieldErrors.body} />
          <MentionPicker idPrefix={id} mentionables={mentionables} error={fieldErrors.mentions} />
          <Button type="submit" variant="secondary" disabled={pending} className="self-start text-sm">
            {t("sendReply")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

/**
 * The action, confirming its success in the thread's status line. The confirmation is given where the action's
 * answer arrives, not in an effect of the form: the page rendered again with the answer may already have replaced
 * the form (a just-sent reply moves into the server-rendered list, a deleted comment loses its controls), and the
 * thread outlives it.
 */
function useAnnouncingAction(action: FormAction, confirmation: string): FormAction {
  const announce = useAnnounceInThread();
  return useCallback<FormAction>(
    async (previous, form) => {
      const result = await action(previous, form);
      if (result.ok) announce(confirmation);
      return result;
    },
    [action, announce, confirmation],
  );
}

export function OwnCommentControls({ ctx, commentId, body }: { ctx: Ctx; commentId: string; body: string }) {
  const t = useTranslations("comments");
  const [editing, setEditing] = useState(false);
  const edit = useAnnouncingAction(ctx.actions.editComment, t("editSaved"));
  const remove = useAnnouncingAction(ctx.actions.deleteComment, t("deleteSaved"));
  const id = `edit-${commentId}`;
  if (editing) {
    return (
      <ActionForm action={edit} resetOnSuccess={false} onSuccess={() => setEditing(false)} label={t("edit")}>
        {({ pending, fieldErrors }) => (
          <div className="mt-2 flex flex-col gap-2">
            <Hidden ctx={ctx} />
            <input type="hidden" name="commentId" value={commentId} />
            <label htmlFor={id} className="text-sm font-semibold">
              {t("editLabel")}
            </label>
            <textarea
              id={id}
              name="body"
              defaultValue={body}
              rows={3}
              maxLength={10000}
              className="w-full rounded-md border border-muted px-3 py-2"
            />
            <FieldError id={`${id}-error`} message={fieldErrors.body} />
            <div className="flex gap-2">
              <Button type="submit" disabled={pending} className="text-sm">
                {t("save")}
              </Button>
              <Button type="button" variant="ghost" className="text-sm" onClick={() => setEditing(false)}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
      </ActionForm>
    );
  }
  return (
    <div className="mt-1 flex gap-3 text-sm">
      <button type="button" className="text-brand underline" onClick={() => setEditing(true)}>
        {t("edit")}
      </button>
      <ActionForm action={remove} label={t("delete")}>
        {({ pending }) => (
          <>
            <Hidden ctx={ctx} />
            <input type="hidden" name="commentId" value={commentId} />
            <button type="submit" disabled={pending} className="text-danger underline">
              {t("delete")}
            </button>
          </>
        )}
      </ActionForm>
    </div>
  );
}

export function ResolveButton({ ctx, resolved }: { ctx: Ctx; resolved: boolean }) {
  const t = useTranslations("comments");
  return (
    <ActionForm action={ctx.actions.resolveThread} label={resolved ? t("reopen") : t("resolve")}>
      {({ pending }) => (
        <>
          <Hidden ctx={ctx} />
          <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={pending} className="text-sm">
            {resolved ? t("reopen") : t("resolve")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function DecisionForm({
  ctx,
  current,
}: {
  ctx: Ctx;
  current: { decision: string | null; reason: string | null };
}) {
  return (
    <AbwaegungForm
      action={ctx.actions.decideThread}
      id={`decide-${ctx.threadId}`}
      hidden={<Hidden ctx={ctx} />}
      current={current}
    />
  );
}

/** The Abwägung (decision, reason, resulting version) for a thread or a proposal. */
export function AbwaegungForm({
  action,
  id,
  hidden,
  current,
}: {
  action: FormAction;
  id: string;
  hidden: React.ReactNode;
  current: { decision: string | null; reason: string | null };
}) {
  const t = useTranslations("comments");
  const ta = useTranslations("abwaegung");
  return (
    <LazyDetails
      className="mt-3 rounded-md border border-line bg-white p-3"
      summaryClassName="cursor-pointer text-sm font-semibold"
      summary={current.decision ? t("changeDecision") : t("decide")}
    >
      <ActionForm action={action} resetOnSuccess={false} label={t("decide")}>
        {({ pending, fieldErrors }) => (
          <div className="mt-2 flex flex-col gap-2">
            {hidden}
            <fieldset>
              <legend className="text-sm font-semibold">{t("decision")}</legend>
              {(["uebernommen", "teilweise_uebernommen", "nicht_uebernommen", "zur_kenntnis_genommen"] as const).map(
                (d) => (
                  <label key={d} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="decision" value={d} defaultChecked={current.decision === d} /> {ta(d)}
                  </label>
                ),
              )}
              <FieldError id={`${id}-decision-error`} message={fieldErrors.decision} />
            </fieldset>
            <label htmlFor={`${id}-reason`} className="text-sm font-semibold">
              {t("reason")}
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={2}
              defaultValue={current.reason ?? ""}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={fieldErrors.reason ? `${id}-reason-error` : undefined}
              className="w-full rounded-md border border-muted px-3 py-2"
            />
            <FieldError id={`${id}-reason-error`} message={fieldErrors.reason} />
            <label htmlFor={`${id}-rev`} className="text-sm font-semibold">
              {t("resultRevision")}
            </label>
            <input
              id={`${id}-rev`}
              name="revisionNumber"
              inputMode="numeric"
              className="w-32 rounded-md border border-muted px-3 py-1"
              aria-invalid={fieldErrors.revisionNumber ? true : undefined}
              aria-describedby={fieldErrors.revisionNumber ? `${id}-rev-error` : undefined}
            />
            <FieldError id={`${id}-rev-error`} message={fieldErrors.revisionNumber} />
            <Button type="submit" disabled={pending} className="self-start text-sm">
              {t("saveDecision")}
            </Button>
          </div>
        )}
      </ActionForm>
    </LazyDetails>
  );
}
