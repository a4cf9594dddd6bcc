"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { MIN_PASSWORD_LENGTH_CLIENT } from "@/lib/users/password-rules";
import { changePasswordAction, updateProfileAction } from "./actions";

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useTranslations("profile");
  const tf = useTranslations("form");
  const tn = useTranslations("nav");
  const { state, pending, fieldError, formProps } = useActionForm(updateProfileAction);
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage state={state} fields={["name", "locale"]} />
      <TextField
        id="profile-name"
        name="name"
        label={t("name")}
        defaultValue={name}
        error={fieldError("name")}
        autoComplete="name"
        required
        maxLength={200}
      />
      <SelectField
        id="profile-locale"
        name="locale"
        label={t("language")}
        defaultValue={locale}
        error={fieldError("locale")}
        options={[
          { value: "de", label: tn("languageGerman") },
          { value: "en", label: tn("languageEnglish") },
        ]}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : tf("save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * After a password change every session ends, this one included (new session version): the page signs
 * out and asks for the new password, which also proves it was typed as intended.
 */
export function PasswordForm() {
  const t = useTranslations("profile");
  const tf = useTranslations("form");
  const { state, pending, fieldError, formProps } = useActionForm(changePasswordAction, {
    resetOnSuccess: true,
    onSuccess: () => void signOut({ callbackUrl: "/anmelden?passwort=geaendert" }),
  });
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage state={state} fields={["currentPassword", "newPassword", "newPasswordConfirm"]} />
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        error={fieldError("currentPassword")}
        autoComplete="current-password"
        required
      />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={tf("passwordHint", { min: MIN_PASSWORD_LENGTH_CLIENT })}
        error={fieldError("newPassword")}
        autoComplete="new-password"
        required
      />
      <TextField
        id="new-password-confirm"
        name="newPasswordConfirm"
        type="password"
        label={t("newPasswordConfirm")}
        error={fieldError("newPasswordConfirm")}
        autoComplete="new-password"
        required
      />
      <p className="text-sm text-muted">{t("passwordNote")}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
