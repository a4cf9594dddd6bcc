"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, type FormAction } from "@/components/forms/action-form";

export function CreateFassungForm({ action, conceptId }: { action: FormAction; conceptId: string }) {
  const t = useTranslations("fassungen");
  return (
    <ActionForm action={action} resetOnSuccess className="mt-4 flex flex-wrap items-end gap-4">
      {({ result: state }) => {
        const error = state && !state.ok ? state.fieldErrors.name : undefined;
        return (
          <>
            <input type="hidden" name="conceptId" value={conceptId} />
            <div className="flex min-w-72 flex-1 flex-col gap-1">
              <label htmlFor="fassung-name" className="font-semibold">
                {t("nameLabel")}
              </label>
              <p id="fassung-name-hint" className="text-sm text-muted">
                {t("nameHint")}
              </p>
              <input
                id="fassung-name"
                name="name"
                required
                maxLength={120}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "fassung-name-hint fassung-name-error" : "fassung-name-hint"}
                className="rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger"
              />
              {error ? (
                <p id="fassung-name-error" className="text-sm font-semibold text-danger">
                  {error}
                </p>
              ) : null}
            </div>
            <SubmitButton>{t("create")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
