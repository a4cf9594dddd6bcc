"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionForm, FieldError } from "@/components/forms/action-form";
import { threadHref, type ThreadFilter } from "@/lib/comments/discussion-links";
import { MentionPicker, type Mentionables } from "./mention-picker";
import type { CommentActions } from "./thread-forms";

const CONTEXT = 32;

/** The selection inside the section text, with some context before and after, as the server anchors it. */
function readSelection(container: Element | null): { exact: string; prefix: string; suffix: string } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const exact = range.toString();
  if (!exact.trim()) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEndAfter(container.lastChild ?? container);
  const prefix = before.toString();
  return {
    exact,
    prefix: prefix.slice(Math.max(0, prefix.length - CONTEXT)),
    suffix: after.toString().slice(0, CONTEXT),
  };
}

export function NewThreadForm({
  conceptId,
  sectionId,
  filter,
  mayCommentInternally,
  mentionables,
  createThreadAction,
}: {
  createThreadAction: CommentActions["createThread"];
  conceptId: string;
  sectionId: string;
  filter: ThreadFilter;
  mayCommentInternally: boolean;
  mentionables: Mentionables;
}) {
  const t = useTranslations("comments");
  const router = useRouter();
  const [quote, setQuote] = useState({ exact: "", prefix: "", suffix: "" });
  useEffect(() => {
    const onChange = () => {
      const picked = readSelection(document.querySelector("[data-section-text]"));
      if (picked) setQuote(picked);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);
  // Threads run oldest first, so the new one is on the last page: open the page that holds it. The filter
  // stays where the new (open, own) thread is sure to be in it. The status message stays, as on one page.
  const onCreated = ({ threadId }: { threadId: string }) => {
    setQuote({ exact: "", prefix: "", suffix: "" });
    router.push(threadHref(conceptId, sectionId, threadId, filter === "offen" || filter === "meine" ? filter : "alle"));
  };
  return (
    <ActionForm
      action={createThreadAction}
      label={t("newThread")}
      className="rounded-lg border border-line bg-white p-4"
      onSuccess={onCreated}
    >
      {({ pending, fieldErrors }) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="sectionId" value={sectionId} />
          <input type="hidden" name="quotePrefix" value={quote.prefix} />
          <input type="hidden" name="quoteSuffix" value={quote.suffix} />
          <div>
            <label htmlFor="new-thread-quote" className="font-semibold">
              {t("quote")}
            </label>
            <p id="new-thread-quote-hint" className="text-sm text-muted">
              {t("quoteHint")}
            </p>
            <textarea
              id="new-thread-quote"
              name="quote"
              rows={2}
              value={quote.exact}
              onChange={(e) => setQuote({ exact: e.target.value, prefix: "", suffix: "" })}
              aria-describedby={`new-thread-quote-hint${fieldErrors.quote ? " new-thread-quote-error" : ""}`}
              aria-invalid={fieldErrors.quote ? true : undefined}
              className="mt-1 w-full rounded-md border border-muted bg-canvas px-3 py-2"
            />
            <FieldError id="new-thread-quote-error" message={fieldErrors.quote} />
          </div>
          <div>
            <label htmlFor="new-thread-body" className="font-semibold">
              {t("body")}
            </label>
            <textarea
              id="new-thread-body"
              name="body"
              rows={4}
              required
              maxLength={10000}
              aria-invalid={fieldErrors.body ? true : undefined}
              aria-describedby={fieldErrors.body ? "new-thread-body-error" : undefined}
              className="mt-1 w-full rounded-md border border-muted px-3 py-2"
            />
            <FieldError id="new-thread-body-error" message={fieldErrors.body} />
          </div>
          <MentionPicker idPrefix="new-thread" mentionables={mentionables} error={fieldErrors.mentions} />
          {mayCommentInternally ? (
            <fieldset>
              <legend className="font-semibold">{t("visibility")}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                <label className="flex items-center gap-2">
                  <input type="radio" name="visibility" value="alle" defaultChecked /> {t("visibilityAll")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="visibility" value="verwaltung" /> {t("visibilityInternal")}
                </label>
              </div>
              <FieldError id="new-thread-visibility-error" message={fieldErrors.visibility} />
            </fieldset>
          ) : null}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="blocking" className="mt-1" /> <span>{t("blocking")}</span>
          </label>
          <Button type="submit" disabled={pending} className="self-start">
            {t("submit")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
