"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="inhalt" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-4 text-lg" role="alert">
        {t("errorBody")}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {t("retry")}
      </button>
    </main>
  );
}
