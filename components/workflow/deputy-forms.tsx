"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/**
 * The deputies (Vertretung) of one organisation for the Mitzeichnung: who they are, a form to name one by e-mail and a
 * button to end each. Shown to administrators and the organisation's own signers; the server decides.
 */
export function DeputyPanel({
  organisationId,
  organisationName,
  deputies,
  nameAction,
  removeAction,
}: {
  organisationId: string;
  organisationName: string;
  deputies: readonly { userId: string; name: string }[];
  nameAction: FormAction;
  removeAction: FormAction;
}) {
  const t = useTranslations("deputies");
  const fieldId = `deputy-email-${organisationId}`;
  return (
    <div className="mt-3">
      {deputies.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {deputies.map((d) => (
            <li key={d.userId} className="flex flex-wrap items-center gap-3">
              <span>{d.name}</span>
              <ActionForm
                action={removeAction}
                label={t("removeLabel", { name: d.name, organisation: organisationName })}
              >
                {({ pending }) => (
                  <>
                    <input type="hidden" name="organisationId" value={organisationId} />
                    <input type="hidden" name="userId" value={d.userId} />
                    <Button type="submit" variant="secondary" disabled={pending} className="text-sm">
                      {t("remove")}
                      <span className="sr-only">: {d.name}</span>
                    </Button>
                  </>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={nameAction} label={t("formLabel", { organisation: organisationName })} className="mt-4">
        {({ pending, fieldErrors }) => (
          <div className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="organisationId" value={organisationId} />
            <TextField
              id={fieldId}
              name="email"
              type="email"
              autoComplete="off"
              label={t("email")}
              hint={t("emailHint")}
              error={fieldErrors.email}
            />
            <Button type="submit" disabled={pending}>
              {t("name")}
            </Button>
          </div>
        )}
      </ActionForm>
    </div>
  );
}
