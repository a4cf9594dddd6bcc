"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, type FormAction } from "@/components/forms/action-form";

export function AddSectionForm({
  action,
  conceptId,
  owners,
}: {
  action: FormAction;
  conceptId: string;
  owners: { id: string; name: string }[];
}) {
  const t = useTranslations("outline");
  return (
    <ActionForm action={action} resetOnSuccess className="mt-4 flex flex-wrap items-end gap-4">
      {({ result: state }) => {
        const error = state && !state.ok ? state.fieldErrors.title : undefined;
        return (
          <>
            <input type="hidden" name="conceptId" value={conceptId} />
            <div className="flex min-w-72 flex-1 flex-col gap-1">
              <label htmlFor="neuer-titel" className="font-semibold">
                {t("titleLabel")}
              </label>
              <input
                id="neuer-titel"
                name="title"
                required
                maxLength={200}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "neuer-titel-fehler" : undefined}
                className="rounded-md border border-muted bg-white px-3 py-2"
              />
              {error ? (
                <p id="neuer-titel-fehler" className="text-sm font-semibold text-danger">
                  {error}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="neuer-zustaendig" className="font-semibold">
                {t("ownerLabel")}
              </label>
              <select
                id="neuer-zustaendig"
                name="ownerOrganisationId"
                className="rounded-md border border-muted bg-white px-3 py-2"
              >
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton>{t("add")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
