"use client";

import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { LazyDetails } from "@/components/ui/lazy-details";

type Settings = { submissionLeadDays: number; signoffDays: number; revisionDays: number; reminderDays: number };
/** The form's texts, translated on the server: the overview sends the client no planning messages. */
export type PlanningSettingsLabels = Record<keyof Settings | "settings" | "saveSettings", string>;

/** The lead's planning parameters; the plan above is recomputed from them. */
export function PlanningSettingsForm({
  conceptId,
  settings,
  action,
  labels,
}: {
  conceptId: string;
  settings: Settings;
  action: FormAction;
  labels: PlanningSettingsLabels;
}) {
  const fields = (["submissionLeadDays", "signoffDays", "revisionDays", "reminderDays"] as const).map(
    (name) => [name, labels[name]] as const,
  );
  return (
    // The form is rendered when the disclosure is first opened: closed, it would only add markup to the overview.
    <LazyDetails
      className="mt-4 rounded-md border border-line p-3"
      summaryClassName="cursor-pointer font-semibold"
      summary={labels.settings}
    >
      <ActionForm action={action} resetOnSuccess={false} label={labels.settings}>
        {({ pending, fieldErrors }) => (
          <div className="mt-3 flex flex-wrap items-end gap-4">
            <input type="hidden" name="conceptId" value={conceptId} />
            {fields.map(([name, label]) => (
              <div key={name} className="flex flex-col">
                <label htmlFor={`plan-${name}`} className="text-sm font-semibold">
                  {label}
                </label>
                <input
                  id={`plan-${name}`}
                  name={name}
                  type="number"
                  min={name === "reminderDays" ? 0 : 1}
                  max={name === "reminderDays" ? 20 : 120}
                  defaultValue={settings[name]}
                  aria-invalid={fieldErrors[name] ? true : undefined}
                  aria-describedby={fieldErrors[name] ? `plan-${name}-error` : undefined}
                  className="w-28 rounded-md border border-muted px-2 py-1"
                />
                {fieldErrors[name] ? (
                  <p id={`plan-${name}-error`} className="mt-1 text-sm font-semibold text-danger">
                    {fieldErrors[name]}
                  </p>
                ) : null}
              </div>
            ))}
            <Button type="submit" variant="secondary" disabled={pending}>
              {labels.saveSettings}
            </Button>
          </div>
        )}
      </ActionForm>
    </LazyDetails>
  );
}
