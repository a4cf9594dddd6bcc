"use client";

import { useTranslations } from "next-intl";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";

const area = "w-full rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger";

/** A committee member's Rückfrage; the text stays when the server refuses it. */
export function AskQuestionForm({ action, conceptId }: { action: FormAction; conceptId: string }) {
  const t = useTranslations("readingRoom");
  return (
    <ActionForm action={action} label={t("askLabel")} className="mt-4">
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
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
