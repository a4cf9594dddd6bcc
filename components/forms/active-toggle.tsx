"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * Deactivate (after confirmation in a dialog) or reactivate a person or an organisation. The hidden fields
 * name the object; the server decides whether it may.
 */
export function ActiveToggle({
  action,
  idName,
  id,
  active,
  texts,
}: {
  action: FormAction<void>;
  idName: string;
  id: string;
  active: boolean;
  texts: { deactivate: string; reactivate: string; confirmTitle: string; confirmText: string };
}) {
  const tf = useTranslations("form");
  const { state, pending, formProps } = useActionForm(action);
  const fields = (
    <>
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
    </>
  );
  if (!active) {
    return (
      <form {...formProps} className="flex flex-col gap-3">
        <FormMessage state={state} />
        {fields}
        <div>
          <Button type="submit" disabled={pending}>
            {texts.reactivate}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div>
      <ConfirmDialog
        trigger={texts.deactivate}
        title={texts.confirmTitle}
        description={texts.confirmText}
        cancelLabel={tf("cancel")}
        triggerVariant="danger"
      >
        {() => (
          <form {...formProps} className="flex flex-col gap-3">
            <FormMessage state={state} />
            {fields}
            <Button type="submit" variant="danger" disabled={pending} className="w-full">
              {texts.deactivate}
            </Button>
          </form>
        )}
      </ConfirmDialog>
    </div>
  );
}
