"use client";

import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type StepConfirmation = { title: string; description: string; confirmLabel: string; cancelLabel: string };

/**
 * An irreversible step behind a confirmation (accessible alert dialog: focus inside, Escape or "Abbrechen" cancel
 * without effect). The dialog says what will happen and to whom; the form inside it posts the step.
 */
export function ConfirmedStepForm({
  action,
  conceptId,
  transition,
  label,
  confirm,
  variant = "primary",
}: {
  action: FormAction<unknown>;
  conceptId: string;
  transition: string;
  label: string;
  confirm: StepConfirmation;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <ConfirmDialog
      trigger={label}
      title={confirm.title}
      description={confirm.description}
      cancelLabel={confirm.cancelLabel}
      triggerVariant={variant}
      largeTrigger
    >
      {() => (
        <form {...formProps} className="flex flex-col gap-3">
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="transition" value={transition} />
          <FormMessage state={state} />
          <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="w-full">
            {confirm.confirmLabel}
          </Button>
        </form>
      )}
    </ConfirmDialog>
  );
}
