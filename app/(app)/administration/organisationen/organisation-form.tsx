"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { createOrganisationAction, updateOrganisationAction } from "./actions";

type Existing = {
  id: string;
  name: string;
  shortName: string;
  kind: "verwaltung" | "traeger" | "gremium";
  classification: "ausschuss" | "beirat" | null;
};

/** Create (no `organisation`) or edit an organisation. The kind is chosen once, at creation. */
export function OrganisationForm({ organisation }: { organisation?: Existing }) {
  const t = useTranslations("orgAdmin");
  const tk = useTranslations("orgKind");
  const tc = useTranslations("classification");
  const tf = useTranslations("form");
  const [kind, setKind] = useState<string>(organisation?.kind ?? "traeger");
  const { state, pending, fieldError, formProps } = useActionForm<unknown>(
    organisation ? updateOrganisationAction : createOrganisationAction,
    { resetOnSuccess: !organisation, onSuccess: () => !organisation && setKind("traeger") },
  );
  const prefix = organisation ? "edit" : "new";
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage state={state} fields={["name", "shortName", "kind", "classification"]} />
      {organisation ? <input type="hidden" name="organisationId" value={organisation.id} /> : null}
      <TextField
        id={`${prefix}-name`}
        name="name"
        label={t("name")}
        defaultValue={organisation?.name}
        error={fieldError("name")}
        required
        maxLength={200}
      />
      <TextField
        id={`${prefix}-shortName`}
        name="shortName"
        label={t("shortName")}
        hint={t("shortNameHint")}
        defaultValue={organisation?.shortName}
        error={fieldError("shortName")}
        required
        maxLength={40}
      />
      {organisation ? (
        <p>
          <span className="font-semibold">{t("kind")}:</span> {tk(organisation.kind)}{" "}
          <span className="text-sm text-muted">({t("kindFixed")})</span>
        </p>
      ) : (
        <SelectField
          id="new-kind"
          name="kind"
          label={t("kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          error={fieldError("kind")}
          options={(["verwaltung", "traeger", "gremium"] as const).map((k) => ({ value: k, label: tk(k) }))}
        />
      )}
      {kind === "gremium" ? (
        <SelectField
          id={`${prefix}-classification`}
          name="classification"
          label={t("classification")}
          hint={t("classificationHint")}
          defaultValue={organisation?.classification ?? ""}
          placeholder={tf("choose")}
          error={fieldError("classification")}
          options={(["ausschuss", "beirat"] as const).map((c) => ({ value: c, label: tc(c) }))}
        />
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : organisation ? tf("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
