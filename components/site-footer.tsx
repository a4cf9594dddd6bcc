import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("nav");
  return (
    <footer className="mt-auto border-t border-line bg-white pt-0">
      <nav aria-label={t("footerLabel")} className="site-footer-nav">
        <Link href="/barrierefreiheit">{t("accessibility")}</Link>
        <Link href="/impressum">{t("imprint")}</Link>
        <Link href="/datenschutz">{t("privacy")}</Link>
      </nav>
    </footer>
  );
}
