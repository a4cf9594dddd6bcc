"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./ui/button";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className={buttonClass("secondary", "px-3 py-1 text-sm")} onClick={() => signOut({ callbackUrl: "/anmelden" })}>
      {t("signOut")}
    </button>
  );
}
