"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, Fieldset } from "@/components/ui/checkbox-field";
import { TextAreaField } from "@/components/ui/textarea-field";

const DECISIONS = ["zugestimmt", "zugestimmt_mit_anmerkungen", "abgelehnt"] as const;

/** A member signs off exactly the round and content hash shown on the page. */
export function SignoffForm({
  action,
  conceptId,
  roundId,
  contentHash,
  organisations,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  roundId: string;
  contentHash: string;
  organisations: { id: string; name: string }[];
}) {
  const t = useTranslations("signoff");
  const { state, pending, fieldError, formProps } = useActionForm(action);
  return (
    <form
      {...formProps}
      aria-labelledby="mitzeichnen"
      className="mt-4 flex max-w-2xl flex-col gap-4 rounded-md border border-line bg-canvas p-4"
    >
      <h3 id="mitzeichnen" className="text-lg font-bold">
        {t("formHeading", { organisation: organisations.map((o) => o.name).join(" / ") })}
      </h3>
      <FormMessage state={state} fields={["decision", "remarks"]} />
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="contentHash" value={contentHash} />
      {organisations.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="signoff-organisation" className="font-semibold">
            {t("formOrganisation")}
          </label>
          <select
            id="signoff-organisation"
            name="organisationId"
            className="rounded-md border border-muted bg-white px-3 py-2"
          >
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="organisationId" value={organisations[0]?.id ?? ""} />
      )}
      <Fieldset legend={t("formDecision")} error={fieldError("decision")} errorId="signoff-decision-error">
        {DECISIONS.map((d) => (
          <div key={d} className="flex items-center gap-2">
            <input id={`decision-${d}`} type="radio" name="decision" value={d} className="size-4 accent-brand" />
            <label htmlFor={`decision-${d}`}>{t(`formDecisionOption.${d}`)}</label>
          </div>
        ))}
      </Fieldset>
      <TextAreaField
        id="signoff-remarks"
        name="remarks"
        rows={4}
        label={t("formRemarks")}
        hint={t("formRemarksHint")}
        error={fieldError("remarks")}
      />
      <p className="text-sm break-all text-muted">{t("formHashHint", { hash: contentHash })}</p>
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

/** The lead chooses which organisations must sign off (before the Mitzeichnung). */
export function RequiredSignoffsForm({
  action,
  conceptId,
  candidates,
  selected,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  candidates: { id: string; name: string }[];
  selected: string[];
}) {
  const t = useTranslations("signoff");
  const { state, pending, fieldError, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="mt-4 flex flex-col gap-4">
      <FormMessage state={state} fields={["organisationIds"]} />
      <input type="hidden" name="conceptId" value={conceptId} />
      <Fieldset
        legend={t("required")}
        hint={t("requiredHint")}
        error={fieldError("organisationIds")}
        errorId="required-orgs-error"
      >
        {candidates.map((c) => (
          <CheckboxField
            key={c.id}
            id={`required-${c.id}`}
            name="organisationIds"
            value={c.id}
            label={c.name}
            defaultChecked={selected.includes(c.id)}
          />
        ))}
      </Fieldset>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("saveRequired")}
        </Button>
      </div>
    </form>
  );
}
