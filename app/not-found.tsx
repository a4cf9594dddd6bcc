import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
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
