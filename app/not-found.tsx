"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * A client component, though it needs no script: Next.js puts the not-found page into the payload of every page
 * (as the boundary of the root and of each layout group), as markup if rendered here, as a reference if not.
 */
export default function NotFound() {
  const t = useTranslations("errors");
  return (
    <main id="inhalt" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-lg">{t("notFoundBody")}</p>
      <p className="mt-6">
        <Link href="/" className="underline">
          {t("toHome")}
        </Link>
      </p>
    </main>
  );
}
