"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH_CLIENT } from "@/lib/users/password-rules";
import { redeemLinkAction } from "./actions";

/** Sets the password, then signs in with it like the sign-in form does; if that fails, on to sign-in. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("oneTimeLink");
  const tf = useTranslations("form");
  const [signingIn, setSigningIn] = useState(false);
  const { state, pending, fieldError, formProps } = useActionForm(redeemLinkAction, {
    onSuccess: async (result, form) => {
      setSigningIn(true);
      const password = String(new FormData(form).get("password") ?? "");
      const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
      window.location.assign(signedIn?.ok && !signedIn.error ? "/" : "/anmelden?passwort=festgelegt");
    },
  });
  return (
    <form {...formProps} className="mt-6 flex flex-col gap-5">
      <FormMessage state={state?.ok ? null : state} fields={["password", "passwordConfirm"]} />
      {signingIn ? (
        <p role="status" className="font-semibold text-ok">
          {t("signingIn")}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("password")}
        hint={tf("passwordHint", { min: MIN_PASSWORD_LENGTH_CLIENT })}
        error={fieldError("password")}
        autoComplete="new-password"
        required
      />
      <TextField
        id="password-confirm"
        name="passwordConfirm"
        type="password"
        label={t("passwordConfirm")}
        error={fieldError("passwordConfirm")}
        autoComplete="new-password"
        required
      />
      <Button type="submit" disabled={pending || signingIn}>
        {pending || signingIn ? tf("saving") : t("submit")}
      </Button>
    </form>
  );
}
