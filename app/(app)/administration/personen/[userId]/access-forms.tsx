"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH_CLIENT } from "@/lib/users/password-rules";
import { sendSignInLinkAction, setUserPasswordAction } from "../actions";

export function SendLinkForm({ userId, label }: { userId: string; label: string }) {
  const { state, pending, formProps } = useActionForm(sendSignInLinkAction);
  return (
    <form {...formProps} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {label}
        </Button>
      </div>
    </form>
  );
}

export function SetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("userAdmin");
  const tf = useTranslations("form");
  const { state, pending, fieldError, formProps } = useActionForm(setUserPasswordAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage state={state} fields={["password", "passwordConfirm"]} />
      <input type="hidden" name="userId" value={userId} />
      <TextField
        id="reset-password"
        name="password"
        type="password"
        label={t("newPassword")}
        hint={tf("passwordHint", { min: MIN_PASSWORD_LENGTH_CLIENT })}
        error={fieldError("password")}
        autoComplete="new-password"
      />
      <TextField
        id="reset-password-confirm"
        name="passwordConfirm"
        type="password"
        label={t("newPasswordConfirm")}
        error={fieldError("passwordConfirm")}
        autoComplete="new-password"
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("setPassword")}
        </Button>
      </div>
    </form>
  );
}
