"use client";

import { useLocale } from "next-intl";
import { useTransition } from "react";

/** The switch's texts, translated on the server: every page would otherwise send the client the "nav" messages. */
export type LanguageSwitchLabels = { group: string; de: string; en: string };

/** Two buttons, the current one marked with aria-pressed; works for signed-in and anonymous visitors. */
export function LanguageSwitch({
  setLocaleAction,
  labels,
}: {
  setLocaleAction: (locale: string) => Promise<void>;
  labels: LanguageSwitchLabels;
}) {
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const options = [
    { value: "de", label: labels.de },
    { value: "en", label: labels.en },
  ] as const;
  return (
    <div role="group" aria-label={labels.group} className="lang-switch">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          aria-pressed={locale === o.value}
          disabled={pending}
          onClick={() => startTransition(() => setLocaleAction(o.value))}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
