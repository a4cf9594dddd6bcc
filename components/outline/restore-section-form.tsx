"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, type FormAction } from "@/components/forms/action-form";

export function RestoreSectionForm({
  action,
  conceptId,
  sectionId,
  title,
}: {
  action: FormAction;
  conceptId: string;
  sectionId: string;
  title: string;
}) {
  const t = useTranslations("outline");
  return (
    <ActionForm action={action} resetOnSuccess={false} className="flex flex-wrap items-center gap-3">
      {() => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="sectionId" value={sectionId} />
          <SubmitButton variant="secondary">
            {t("restore")}
            <span className="sr-only">: {title}</span>
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
