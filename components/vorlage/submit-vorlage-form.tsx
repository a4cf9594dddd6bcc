"use client";

import { useTranslations } from "next-intl";
import { ActionForm, FieldError, type FormAction } from "@/components/comments/action-form";
import { Button } from "@/components/ui/button";

export type FolgeRow = { id: string; position: number; committeeName: string; committeeShortName: string; role: string; meetingDate: string; submissionDeadline: string | null };

const ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;
const input = "rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger";

/** The lead's form: type, number and date of the Vorlage and the Beratungsfolge it goes through. */
export function SubmitVorlageForm({ action, conceptId, folge, today }: { action: FormAction; conceptId: string; folge: FolgeRow[]; today: string }) {
  const t = useTranslations("vorlage");
  const tr = useTranslations("consultationRole");
  return (
    <ActionForm action={action} resetOnSuccess={false} label={t("formLabel")} className="mt-4 space-y-6">
      {({ pending, fieldErrors }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          <fieldset aria-describedby={fieldErrors.paperType ? "paperType-error" : undefined}>
            <legend className="font-semibold">{t("paperType")}</legend>
            <div className="mt-2 flex flex-wrap gap-6">
              {(["informationsvorlage", "beschlussvorlage"] as const).map((type) => (
                <label key={type} className="flex items-center gap-2">
                  <input type="radio" name="paperType" value={type} defaultChecked={type === "beschlussvorlage"} required />
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
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="text-left font-semibold">{t("folgeCaption")}</caption>
              <thead>
                <tr className="border-b border-line text-sm text-muted">
                  <th scope="col" className="py-2 pr-3">{t("committee")}</th>
                  <th scope="col" className="py-2 pr-3">{t("position")}</th>
                  <th scope="col" className="py-2 pr-3">{t("role")}</th>
                  <th scope="col" className="py-2 pr-3">{t("meetingDate")}</th>
                  <th scope="col" className="py-2 pr-3">{t("submissionDeadline")}</th>
                </tr>
              </thead>
              <tbody>
                {folge.map((c, i) => {
                  const err = (field: string) => fieldErrors[`consultations.${i}.${field}`];
                  const described = (field: string) => (err(field) ? `c${i}-${field}-error` : undefined);
                  return (
                    <tr key={c.id} className="border-b border-line align-top">
                      <th scope="row" className="py-2 pr-3 font-semibold">
                        <input type="hidden" name="consultationId" value={c.id} />
                        {c.committeeName} ({c.committeeShortName})
                      </th>
                      <td className="py-2 pr-3">
                        <input name="position" type="number" min={1} max={50} defaultValue={c.position} aria-label={t("positionOf", { committee: c.committeeShortName })} className={`${input} w-20`} aria-invalid={err("position") ? true : undefined} aria-describedby={described("position")} />
                        <FieldError id={`c${i}-position-error`} message={err("position")} />
                      </td>
                      <td className="py-2 pr-3">
                        <select name="role" defaultValue={c.role} aria-label={t("roleOf", { committee: c.committeeShortName })} className={input}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {tr(r)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="py-2 pr-3">
                        <input name="meetingDate" type="date" required defaultValue={c.meetingDate} aria-label={t("meetingDateOf", { committee: c.committeeShortName })} className={input} aria-invalid={err("meetingDate") ? true : undefined} aria-describedby={described("meetingDate")} />
                        <FieldError id={`c${i}-meetingDate-error`} message={err("meetingDate")} />
                      </td>
                      <td className="py-2 pr-3">
                        <input name="submissionDeadline" type="date" defaultValue={c.submissionDeadline ?? ""} aria-label={t("submissionDeadlineOf", { committee: c.committeeShortName })} className={input} aria-invalid={err("submissionDeadline") ? true : undefined} aria-describedby={described("submissionDeadline")} />
                        <FieldError id={`c${i}-submissionDeadline-error`} message={err("submissionDeadline")} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <FieldError id="consultations-error" message={fieldErrors.consultations} />
          </div>
          <p className="max-w-3xl text-sm text-muted">{t("submitHint")}</p>
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            {t("submit")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
