"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";

/** Two buttons, the current one marked with aria-pressed; works for signed-in and anonymous visitors. */
export function LanguageSwitch({ setLocaleAction }: { setLocaleAction: (locale: string) => Promise<void> }) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const options = [
    { value: "de", label: t("languageGerman") },
    { value: "en", label: t("languageEnglish") },
  ] as const;
  return (
    <div role="group" aria-label={t("language")} className="flex overflow-hidden rounded-md border border-line text-sm">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          aria-pressed={locale === o.value}
          disabled={pending}
          onClick={() => startTransition(() => setLocaleAction(o.value))}
          className="px-2.5 py-1 font-semibold aria-pressed:bg-brand aria-pressed:text-white"
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
