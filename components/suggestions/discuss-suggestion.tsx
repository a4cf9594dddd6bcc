"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { FormAction } from "@/components/forms/use-action-form";
import { TextAreaField } from "@/components/ui/textarea-field";
import { threadHref } from "@/lib/comments/discussion-links";

/**
 * "Diskutieren" under a suggestion in the text: opens a comment thread about that suggestion (everyone in the
 * consultation sees it in the section's discussion, marked with the suggestion it is about).
 */
export function DiscussSuggestion(props: {
  conceptId: string;
  sectionId: string;
  suggestionId: string;
  createThread: FormAction<{ threadId: string }>;
}) {
  const t = useTranslations("suggestions");
  const router = useRouter();
  const id = useId();
  return (
    <details className="basis-full">
      <summary className="cursor-pointer text-sm font-semibold text-brand underline">{t("discuss")}</summary>
      <ActionForm
        action={props.createThread}
        label={t("discussForm")}
        className="mt-2 flex flex-col gap-2"
        onSuccess={({ threadId }) => router.push(threadHref(props.conceptId, props.sectionId, threadId, "alle"))}
      >
        {({ fieldErrors }) => (
          <>
            <input type="hidden" name="conceptId" value={props.conceptId} />
            <input type="hidden" name="sectionId" value={props.sectionId} />
            <input type="hidden" name="suggestionId" value={props.suggestionId} />
            <input type="hidden" name="visibility" value="alle" />
            <TextAreaField
              id={`${id}-body`}
              name="body"
              label={t("discussLabel")}
              rows={3}
              maxLength={10000}
              error={fieldErrors.body}
            />
            <div>
              <SubmitButton variant="secondary">{t("discussSubmit")}</SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
    </details>
  );
}
