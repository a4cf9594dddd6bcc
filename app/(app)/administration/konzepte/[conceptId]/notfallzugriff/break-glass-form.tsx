"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/textarea-field";
import { openBreakGlassAction } from "../../actions";

export function BreakGlassForm({ conceptId }: { conceptId: string }) {
  const t = useTranslations("breakGlass");
  return (
    <ActionForm action={openBreakGlassAction} className="mt-6 flex flex-col gap-4" resetOnSuccess={false}>
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <TextAreaField
            id="reason"
            name="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            error={fieldErrors.reason}
            rows={4}
            maxLength={1000}
            required
          />
          <div>
            <Button type="submit" disabled={pending}>
              {t("submit")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
