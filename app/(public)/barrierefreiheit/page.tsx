import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("accessibilityTitle") };
}

export default async function AccessibilityPage() {
  const t = await getTranslations("legal");
  return (
    <LegalPage title={t("accessibilityTitle")}>
      <p>{t("accessibilityIntro")}</p>
      <h2>{t("accessibilityStatusTitle")}</h2>
      <p>{t("accessibilityStatus")}</p>
      <h2>{t("accessibilityTestedTitle")}</h2>
      <p>{t("accessibilityTestedIntro")}</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("accessibilityTestedAxe")}</li>
        <li>{t("accessibilityTestedHtml")}</li>
        <li>{t("accessibilityTestedReflow")}</li>
        <li>{t("accessibilityTestedKeyboard")}</li>
        <li>{t("accessibilityTestedExports")}</li>
      </ul>
      <h2>{t("accessibilityLimitsTitle")}</h2>
      <p>{t("accessibilityLimits")}</p>
      <h2>{t("accessibilityFeedbackTitle")}</h2>
      <p>{t("accessibilityFeedback")}</p>
      <h2>{t("accessibilityEnforcementTitle")}</h2>
      <p>{t("accessibilityEnforcement")}</p>
    </LegalPage>
  );
}
