import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("privacyTitle") };
}

export default async function PrivacyPage() {
  const t = await getTranslations("legal");
  return (
    <LegalPage title={t("privacyTitle")}>
      <p>{t("privacyBody")}</p>
      <p>{t("privacyOperator")}</p>
    </LegalPage>
  );
}
