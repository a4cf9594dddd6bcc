"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, Fieldset } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH_CLIENT } from "@/lib/users/password-rules";
import { createUserAction, updateUserAction } from "./actions";

type OrganisationOption = { id: string; name: string; kind: "verwaltung" | "traeger" | "gremium" };
type Existing = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canCreateConcepts: boolean;
  organisationIds: string[];
};

/** Create a person (with how they get access) or edit one. */
export function UserForm({ organisations, user }: { organisations: OrganisationOption[]; user?: Existing }) {
  const t = useTranslations("userAdmin");
  const tk = useTranslations("orgKind");
  const tf = useTranslations("form");
  const [access, setAccess] = useState<"link" | "password">("link");
  const { state, pending, fieldError, formProps } = useActionForm<unknown>(user ? updateUserAction : createUserAction);
  const groups = (["verwaltung", "traeger", "gremium"] as const)
    .map((kind) => ({ kind, items: organisations.filter((o) => o.kind === kind) }))
    .filter((g) => g.items.length);
  return (
    <form {...formProps} className="flex flex-col gap-5">
      <FormMessage
        state={state}
        fields={["name", "email", "organisationIds", "isAdmin", "canCreateConcepts", "access", "password"]}
      />
      {user ? <input type="hidden" name="userId" value={user.id} /> : null}
      <TextField
        id="user-name"
        name="name"
        label={t("name")}
        defaultValue={user?.name}
        error={fieldError("name")}
        autoComplete="off"
        required
        maxLength={200}
      />
      <TextField
        id="user-email"
        name="email"
        type="email"
        label={t("email")}
        defaultValue={user?.email}
        error={fieldError("email")}
        autoComplete="off"
        required
        maxLength={320}
      />
      <Fieldset
        legend={t("organisations")}
        hint={t("organisationsHint")}
        error={fieldError("organisationIds")}
        errorId="user-orgs-error"
      >
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
          {groups.map((g) => (
            <div key={g.kind} className="flex flex-col gap-1.5">
              <p className="text-sm font-semibold text-muted" aria-hidden="true">
                {tk(g.kind)}
              </p>
              {g.items.map((o) => (
                <label key={o.id} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    name="organisationIds"
                    value={o.id}
                    defaultChecked={user?.organisationIds.includes(o.id)}
                    className="mt-1 size-4 accent-brand"
                  />
                  <span>
                    {o.name}
                    <span className="sr-only"> ({tk(o.kind)})</span>
                  </span>
                </label>
              ))}
            </div>
          ))}
        </div>
      </Fieldset>
      <Fieldset
        legend={t("rights")}
        errorId="user-rights-error"
        error={fieldError("isAdmin") ?? fieldError("canCreateConcepts")}
      >
        <CheckboxField
          id="user-canCreateConcepts"
          name="canCreateConcepts"
          label={t("canCreateConcepts")}
          hint={t("canCreateConceptsHint")}
          defaultChecked={user?.canCreateConcepts}
        />
        <CheckboxField
          id="user-isAdmin"
          name="isAdmin"
          label={t("isAdmin")}
          hint={t("isAdminHint")}
          defaultChecked={user?.isAdmin}
          aria-invalid={fieldError("isAdmin") ? true : undefined}
        />
      </Fieldset>
      {user ? null : (
        <Fieldset legend={t("access")} errorId="user-access-error" error={fieldError("access")}>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="access"
              value="link"
              checked={access === "link"}
              onChange={() => setAccess("link")}
              className="mt-1 size-4 accent-brand"
            />
            <span>
              <span className="font-semibold">{t("accessLink")}</span>
              <span className="block text-sm text-muted">{t("accessLinkHint")}</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="access"
              value="password"
              checked={access === "password"}
              onChange={() => setAccess("password")}
              className="mt-1 size-4 accent-brand"
            />
            <span>
              <span className="font-semibold">{t("accessPassword")}</span>
              <span className="block text-sm text-muted">{t("accessPasswordHint")}</span>
            </span>
          </label>
        </Fieldset>
      )}
      {!user && access === "password" ? (
        <TextField
          id="user-password"
          name="password"
          type="password"
          label={t("initialPassword")}
          hint={tf("passwordHint", { min: MIN_PASSWORD_LENGTH_CLIENT })}
          error={fieldError("password")}
          autoComplete="new-password"
          required
        />
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : user ? tf("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
