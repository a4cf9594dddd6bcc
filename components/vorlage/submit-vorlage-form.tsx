"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type FolgeRow = {
  id: string;
  position: number;
  committeeName: string;
  committeeShortName: string;
  role: string;
  meetingDate: string;
  /** HH:MM:SS as stored, or null for an older entry without a start time. */
  meetingTime: string | null;
  submissionDeadline: string | null;
};

const input = "rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger";

/** A committee of the stored Beratungsfolge, as the confirmation names it. */
export type FolgeCommittee = Pick<
  FolgeRow,
  "id" | "position" | "committeeName" | "committeeShortName" | "role" | "meetingDate"
>;

/**
 * The lead's form: type, number and date of the Vorlage; the Beratungsfolge is submitted as the editor below holds
 * it. Submitting asks first: which Fassung goes to which committees, frozen for them, and who is notified.
 */
export function SubmitVorlageForm({
  action,
  conceptId,
  today,
  defaults,
  fassungName,
  folge,
}: {
  action: FormAction;
  conceptId: string;
  today: string;
  fassungName: string;
  folge: FolgeCommittee[];
  /** The parts of the paper as the service proposes them from the released Fassung; the lead edits them. */
  defaults: { decisionProposal: string; financialImpact: string; reasoning: string } | null;
}) {
  const t = useTranslations("vorlage");
  const formId = `vorlage-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  return (
    <ActionForm action={action} resetOnSuccess={false} label={t("formLabel")} id={formId} className="mt-4 space-y-6">
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <fieldset aria-describedby={fieldErrors.paperType ? "paperType-error" : undefined}>
            <legend className="font-semibold">{t("paperType")}</legend>
            <div className="mt-2 flex flex-wrap gap-6">
              {(["informationsvorlage", "beschlussvorlage"] as const).map((type) => (
                <label key={type} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="paperType"
                    value={type}
                    defaultChecked={type === "beschlussvorlage"}
                    required
                  />
                  {t(type)}
                </label>
              ))}
            </div>
            <FieldError id="paperType-error" message={fieldErrors.paperType} />
          </fieldset>
          <div className="flex flex-wrap gap-6">
            <div className="flex min-w-64 flex-col gap-1">
              <label htmlFor="reference" className="font-semibold">
                {t("reference")}
              </label>
              <p id="reference-hint" className="text-sm text-muted">
                {t("referenceHint")}
              </p>
              <input
                id="reference"
                name="reference"
                required
                maxLength={40}
                className={input}
                aria-invalid={fieldErrors.reference ? true : undefined}
                aria-describedby={fieldErrors.reference ? "reference-hint reference-error" : "reference-hint"}
              />
              <FieldError id="reference-error" message={fieldErrors.reference} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="paperDate" className="font-semibold">
                {t("paperDate")}
              </label>
              <input
                id="paperDate"
                name="paperDate"
                type="date"
                required
                defaultValue={today}
                className={input}
                aria-invalid={fieldErrors.paperDate ? true : undefined}
                aria-describedby={fieldErrors.paperDate ? "paperDate-error" : undefined}
              />
              <FieldError id="paperDate-error" message={fieldErrors.paperDate} />
            </div>
          </div>
          {(
            [
              ["decisionProposal", 4, 5000],
              ["financialImpact", 4, 5000],
              ["reasoning", 10, 20000],
            ] as const
          ).map(([part, rows, max]) => (
            <div key={part} className="flex max-w-3xl flex-col gap-1">
              <label htmlFor={part} className="font-semibold">
                {t(`parts.${part}`)}
              </label>
              <p id={`${part}-hint`} className="text-sm text-muted">
                {t(`parts.${part}Hint`)}
              </p>
              <textarea
                id={part}
                name={part}
                rows={rows}
                maxLength={max}
                required={part !== "decisionProposal"}
                defaultValue={defaults?.[part] ?? ""}
                className={input}
                aria-invalid={fieldErrors[part] ? true : undefined}
                aria-describedby={fieldErrors[part] ? `${part}-hint ${part}-error` : `${part}-hint`}
              />
              <FieldError id={`${part}-error`} message={fieldErrors[part]} />
            </div>
          ))}
          <div>
            <p className="max-w-3xl">{t("folgeEditor.folgeHint")}</p>
            <FieldError id="consultations-error" message={fieldErrors.consultations} />
          </div>
          <p className="max-w-3xl text-sm text-muted">{t("submitHint")}</p>
          <SubmitConfirmation formId={formId} fassungName={fassungName} folge={folge} pending={pending} />
        </>
      )}
    </ActionForm>
  );
}

function SubmitConfirmation({
  formId,
  fassungName,
  folge,
  pending,
}: {
  formId: string;
  fassungName: string;
  folge: FolgeCommittee[];
  pending: boolean;
}) {
  const t = useTranslations("vorlage");
  const tr = useTranslations("consultationRole");
  const format = useFormatter();
  // What the form holds as the dialog opens: the paper's type and number, named in the question.
  const [paper, setPaper] = useState({ type: "beschlussvorlage", reference: "" });
  return (
    <ConfirmDialog
      trigger={t("submit")}
      title={t("confirm.title")}
      onOpen={() => {
        const form = document.querySelector<HTMLFormElement>(`#${formId}`);
        if (!form) return;
        const data = new FormData(form);
        setPaper({ type: String(data.get("paperType") ?? ""), reference: String(data.get("reference") ?? "").trim() });
      }}
      description={t("confirm.description", {
        fassung: fassungName,
        count: folge.length,
        paper: paper.type === "informationsvorlage" ? t("informationsvorlage") : t("beschlussvorlage"),
        reference: paper.reference || "—",
      })}
      cancelLabel={t("confirm.cancel")}
      triggerVariant="primary"
      largeTrigger
      details={
        <>
          <h3 className="font-semibold">{t("confirm.committees")}</h3>
          <ol className="mt-2 space-y-1">
            {folge.map((c) => (
              <li key={c.id}>
                {t("confirm.committee", {
                  position: c.position,
                  name: c.committeeName,
                  short: c.committeeShortName,
                  role: tr(c.role as "vorberatung"),
                  date: format.dateTime(new Date(`${c.meetingDate}T12:00:00Z`), { dateStyle: "medium" }),
                })}
              </li>
            ))}
          </ol>
          <p className="mt-3">{t("confirm.notified")}</p>
        </>
      }
    >
      {(close) => (
        <Button
          type="button"
          className="w-full"
          disabled={pending}
          aria-busy={pending || undefined}
          onClick={() => {
            // The dialog sits in a portal outside the form; the form posts itself and shows the answer beside it.
            close();
            document.querySelector<HTMLFormElement>(`#${formId}`)?.requestSubmit();
          }}
        >
          {t("confirm.confirm")}
        </Button>
      )}
    </ConfirmDialog>
  );
}
