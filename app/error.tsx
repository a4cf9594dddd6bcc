"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * The error boundary of every page. Production hides the server's error, so the page asks /api/health: when the
 * database is down it says the service is temporarily unavailable (the app reconnects by itself) instead of
 * showing a generic failure.
 */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then((response) => setUnavailable(response.status === 503))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return (
    <main id="inhalt" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-bold">{unavailable ? t("unavailableTitle") : t("errorTitle")}</h1>
      <p className="mt-4 text-lg" role="alert">
        {unavailable ? t("unavailableBody") : t("errorBody")}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark"
      >
        {t("retry")}
      </button>
    </main>
  );
}
