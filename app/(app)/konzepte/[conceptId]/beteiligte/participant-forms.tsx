"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Fieldset } from "@/components/ui/checkbox-field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { CONCEPT_ROLES, participantRolesForOrganisation, type ConceptRole } from "@/lib/permissions/permissions";
import { addParticipantAction, changeParticipantRoleAction, removeParticipantAction } from "./actions";

type Kind = "verwaltung" | "traeger" | "gremium";
export type AddOptions = {
  users: { id: string; name: string; email: string; organisations: string | null }[];
  organisations: { id: string; name: string; kind: Kind }[];
};

export function AddParticipantForm({ conceptId, options }: { conceptId: string; options: AddOptions }) {
  const t = useTranslations("participants");
  const tr = useTranslations("role");
  const tk = useTranslations("orgKind");
  const tf = useTranslations("form");
  const [kind, setKind] = useState<"organisation" | "user">("organisation");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<ConceptRole>("contributor");
  const { state, pending, fieldError, formProps } = useActionForm(addParticipantAction, {
    resetOnSuccess: true,
    onSuccess: () => setOrganisationId(""),
  });
  const orgKind = options.organisations.find((o) => o.id === organisationId)?.kind;
  // The same rule as the server's: Träger contribute, committees consult.
  const roles = kind === "organisation" && orgKind ? participantRolesForOrganisation(orgKind) : CONCEPT_ROLES;
  const effectiveRole = roles.includes(role) ? role : roles[0]!;
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage state={state} fields={["kind", "userId", "organisationId", "role"]} />
      <input type="hidden" name="conceptId" value={conceptId} />
      <Fieldset legend={t("addWhat")} errorId="add-kind-error" error={fieldError("kind")}>
        <div className="flex flex-wrap gap-6">
          {(["organisation", "user"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="size-4 accent-brand"
              />
              {t(k === "user" ? "kindUser" : "kindOrganisation")}
            </label>
          ))}
        </div>
      </Fieldset>
      {kind === "organisation" ? (
        <SelectField
          id="add-organisation"
          name="organisationId"
          label={t("organisation")}
          hint={t("organisationHint")}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          placeholder={tf("choose")}
          error={fieldError("organisationId")}
          options={options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${tk(o.kind)})` }))}
        />
      ) : (
        <SelectField
          id="add-user"
          name="userId"
          label={t("person")}
          placeholder={tf("choose")}
          error={fieldError("userId")}
          options={options.users.map((u) => ({ value: u.id, label: `${u.name} · ${u.organisations ?? u.email}` }))}
        />
      )}
      <SelectField
        id="add-role"
        name="role"
        label={t("role")}
        value={effectiveRole}
        onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? effectiveRole)}
        error={fieldError("role")}
        options={roles.map((r) => ({ value: r, label: tr(r) }))}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : t("add")}
        </Button>
      </div>
    </form>
  );
}

export function ParticipantRow({
  conceptId,
  participant,
}: {
  conceptId: string;
  participant: {
    id: string;
    name: string;
    role: ConceptRole;
    kind: "user" | "organisation";
    organisationKind: Kind | null;
  };
}) {
  const t = useTranslations("participants");
  const tr = useTranslations("role");
  const tf = useTranslations("form");
  const roleForm = useActionForm(changeParticipantRoleAction);
  const removeForm = useActionForm(removeParticipantAction);
  const roles = participant.organisationKind
    ? participantRolesForOrganisation(participant.organisationKind)
    : CONCEPT_ROLES;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {roles.length > 1 ? (
        <form {...roleForm.formProps} className="flex flex-col gap-2">
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="participantId" value={participant.id} />
          <div className="flex items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`role-${participant.id}`} className="sr-only">
                {t("roleOf", { name: participant.name })}
              </label>
              <select
                id={`role-${participant.id}`}
                name="role"
                defaultValue={participant.role}
                aria-invalid={roleForm.fieldError("role") ? true : undefined}
                aria-describedby={roleForm.fieldError("role") ? `role-${participant.id}-error` : undefined}
                className="rounded-md border border-muted bg-white px-2 py-1.5 aria-[invalid=true]:border-danger"
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className={buttonClass("secondary", "text-sm")}
              disabled={roleForm.pending}
              aria-label={t("saveRoleOf", { name: participant.name })}
            >
              {tf("save")}
            </button>
          </div>
          {roleForm.fieldError("role") ? (
            <p id={`role-${participant.id}-error`} className="max-w-xs text-sm font-semibold text-danger">
              {roleForm.fieldError("role")}
            </p>
          ) : null}
          <div className="max-w-xs text-sm">
            <FormMessage state={roleForm.state?.ok ? roleForm.state : null} />
          </div>
        </form>
      ) : (
        <span className="py-1.5">{tr(participant.role)}</span>
      )}
      <ConfirmDialog
        trigger={t("remove")}
        triggerAriaLabel={t("removeOf", { name: participant.name })}
        title={t("removeTitle", { name: participant.name })}
        description={t("removeText")}
        cancelLabel={tf("cancel")}
        triggerVariant="secondary"
      >
        {() => (
          <form {...removeForm.formProps} className="flex flex-col gap-3">
            <FormMessage state={removeForm.state} />
            <input type="hidden" name="conceptId" value={conceptId} />
            <input type="hidden" name="participantId" value={participant.id} />
            <Button type="submit" variant="danger" disabled={removeForm.pending} className="w-full">
              {t("removeConfirm")}
            </Button>
          </form>
        )}
      </ConfirmDialog>
    </div>
  );
}
