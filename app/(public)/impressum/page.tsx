import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("imprintTitle") };
}

export default async function ImprintPage() {
  const t = await getTranslations("legal");
  return (
    <LegalPage title={t("imprintTitle")}>
      <p>{t("imprintBody")}</p>
    </LegalPage>
  );
}
