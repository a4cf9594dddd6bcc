"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("missing"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(false);
    setError(t("failed"));
  }

  return (
    // method="post": submitted before the script has loaded, the password goes into a request body, never a URL.
    <form method="post" action="/anmelden" onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-5">
      <div
        aria-live="assertive"
        role="alert"
        className={error ? "rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger" : "sr-only"}
      >
        {error}
      </div>
      <TextField id="email" name="email" type="email" label={t("email")} autoComplete="username" required />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
