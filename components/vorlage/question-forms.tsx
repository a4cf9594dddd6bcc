"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";

const area = "w-full rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger";

/**
 * A committee member's Rückfrage, optionally pointing at a passage of the submitted text: a section, and the words
 * marked there ("Markierte Stelle übernehmen" takes the current selection in the text above; typing works too).
 * The text stays when the server refuses it.
 */
export function AskQuestionForm({
  action,
  conceptId,
  sections,
  sectionId,
}: {
  action: FormAction;
  conceptId: string;
  sections: { id: string; number: number; title: string }[];
  sectionId?: string;
}) {
  const t = useTranslations("readingRoom");
  const sectionRef = useRef<HTMLSelectElement>(null);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const takeSelection = () => {
    const selection = window.getSelection();
    const text = selection?.toString().replace(/\s+/g, " ").trim() ?? "";
    const node = selection?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    const section = element?.closest<HTMLElement>("[data-section-id]")?.dataset.sectionId;
    if (!text || !section) {
      if (statusRef.current) statusRef.current.textContent = t("noSelection");
      return;
    }
    if (sectionRef.current) sectionRef.current.value = section;
    if (quoteRef.current) quoteRef.current.value = text.slice(0, 1000);
    if (statusRef.current) statusRef.current.textContent = t("selectionTaken");
  };
  return (
    <ActionForm action={action} label={t("askLabel")} className="mt-4">
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <div className="mb-4 grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="question-section" className="font-semibold">
                {t("passageSection")}
              </label>
              <select
                id="question-section"
                name="sectionId"
                ref={sectionRef}
                defaultValue={sectionId ?? ""}
                className="rounded-md border border-muted bg-white px-2 py-2 aria-[invalid=true]:border-danger"
                aria-invalid={fieldErrors.sectionId ? true : undefined}
                aria-describedby={fieldErrors.sectionId ? "question-section-error" : undefined}
              >
                <option value="">{t("passageWhole")}</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.number}. {s.title}
                  </option>
                ))}
              </select>
              <FieldError id="question-section-error" message={fieldErrors.sectionId} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="question-quote" className="font-semibold">
                {t("passageQuote")}
              </label>
              <p id="question-quote-hint" className="text-sm text-muted">
                {t("passageQuoteHint")}
              </p>
              <textarea
                id="question-quote"
                name="quote"
                ref={quoteRef}
                rows={2}
                maxLength={1000}
                className={area}
                aria-invalid={fieldErrors.quote ? true : undefined}
                aria-describedby={
                  fieldErrors.quote ? "question-quote-hint question-quote-error" : "question-quote-hint"
                }
              />
              <FieldError id="question-quote-error" message={fieldErrors.quote} />
              <div className="flex flex-wrap items-center gap-3">
                <Button type="button" variant="secondary" onClick={takeSelection}>
                  {t("takeSelection")}
                </Button>
                <p ref={statusRef} role="status" className="text-sm" />
              </div>
            </div>
          </div>
          <label htmlFor="question-body" className="font-semibold">
            {t("question")}
          </label>
          <p id="question-hint" className="text-sm text-muted">
            {t("questionHint")}
          </p>
          <textarea
            id="question-body"
            name="body"
            rows={4}
            required
            maxLength={5000}
            className={area}
            aria-invalid={fieldErrors.body ? true : undefined}
            aria-describedby={fieldErrors.body ? "question-hint question-error" : "question-hint"}
          />
          <FieldError id="question-error" message={fieldErrors.body} />
          <Button type="submit" className="mt-2" disabled={pending}>
            {t("ask")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** The Verwaltung's answer to one Rückfrage. */
export function AnswerQuestionForm({
  action,
  conceptId,
  questionId,
}: {
  action: FormAction;
  conceptId: string;
  questionId: string;
}) {
  const t = useTranslations("readingRoom");
  const id = `answer-${questionId.slice(0, 8)}`;
  return (
    <ActionForm action={action} label={t("answerLabel")} className="mt-3">
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="questionId" value={questionId} />
          <label htmlFor={id} className="font-semibold">
            {t("answer")}
          </label>
          <textarea
            id={id}
            name="answer"
            rows={3}
            required
            maxLength={5000}
            className={area}
            aria-invalid={fieldErrors.answer ? true : undefined}
            aria-describedby={fieldErrors.answer ? `${id}-error` : undefined}
          />
          <FieldError id={`${id}-error`} message={fieldErrors.answer} />
          <Button type="submit" className="mt-2" disabled={pending}>
            {t("sendAnswer")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
