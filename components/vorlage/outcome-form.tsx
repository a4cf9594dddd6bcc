"use client";

import { ConfirmedStepForm, type StepConfirmation } from "@/components/workflow/confirmed-step-form";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";

const input = "rounded-md border border-muted bg-white px-2 py-1.5 aria-[invalid=true]:border-danger";

/** Outcome and date of one consultation; the lead records it while the Vorlage is with the committees. */
export function OutcomeForm({
  action,
  conceptId,
  consultationId,
  outcomes,
  committee,
  outcome,
  outcomeDate,
  meetingDate,
}: {
  action: FormAction;
  conceptId: string;
  consultationId: string;
  /** The outcomes that fit this step of the Beratungsfolge (a Vorberatung recommends, the deciding committee decides). */
  outcomes: readonly string[];
  committee: string;
  outcome: string | null;
  outcomeDate: string | null;
  meetingDate: string;
}) {
  const t = useTranslations("vorlage");
  const to = useTranslations("outcome");
  const id = consultationId.slice(0, 8);
  return (
    <ActionForm
      action={action}
      resetOnSuccess={false}
      label={t("outcomeFormLabel", { committee })}
      className="flex flex-wrap items-end gap-2"
    >
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="consultationId" value={consultationId} />
          <div className="flex flex-col">
            <label htmlFor={`outcome-${id}`} className="text-sm font-semibold">
              {t("outcomeOf", { committee })}
            </label>
            <select
              id={`outcome-${id}`}
              name="outcome"
              defaultValue={outcome ?? ""}
              required
              className={input}
              aria-invalid={fieldErrors.outcome ? true : undefined}
            >
              <option value="">{t("chooseOutcome")}</option>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {to(o)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={`outcome-date-${id}`} className="text-sm font-semibold">
              {t("outcomeDateOf", { committee })}
            </label>
            <input
              id={`outcome-date-${id}`}
              name="outcomeDate"
              type="date"
              required
              defaultValue={outcomeDate ?? meetingDate}
              className={input}
              aria-invalid={fieldErrors.outcomeDate ? true : undefined}
              aria-describedby={fieldErrors.outcomeDate ? `outcome-date-${id}-error` : undefined}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("saveOutcome", { committee })}
          </Button>
          <FieldError id={`outcome-date-${id}-error`} message={fieldErrors.outcomeDate ?? fieldErrors.outcome} />
        </>
      )}
    </ActionForm>
  );
}

/** One deliberation step (Beraten, Abgeschlossen, zurück in die Überarbeitung) as a button. */
export function StepForm({
  action,
  conceptId,
  transition,
  label,
  disabled,
  describedBy,
  confirm,
}: {
  action: FormAction;
  conceptId: string;
  transition: string;
  label: string;
  disabled: boolean;
  describedBy?: string;
  /** Irreversible steps ("Konzept abschließen") ask first. */
  confirm?: StepConfirmation;
}) {
  if (confirm && !disabled)
    return (
      <ConfirmedStepForm
        action={action}
        conceptId={conceptId}
        transition={transition}
        label={label}
        confirm={confirm}
      />
    );
  return (
    <ActionForm action={action} resetOnSuccess={false}>
      {({ pending }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="transition" value={transition} />
          <Button type="submit" disabled={disabled || pending} aria-describedby={describedBy}>
            {label}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
