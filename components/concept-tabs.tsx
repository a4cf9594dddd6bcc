import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Tab = "overview" | "outline" | "fassungen" | "mitzeichnung" | "synopse" | "vorlage" | "protokoll";

/** The concept's areas; the current one is marked with aria-current, not by colour alone. */
export async function ConceptTabs({
  conceptId,
  current,
  showOutline,
}: {
  conceptId: string;
  current: Tab | null;
  showOutline: boolean;
}) {
  const t = await getTranslations("conceptNav");
  const base = `/konzepte/${conceptId}`;
  const tabs: { id: Tab; href: string }[] = [
    { id: "overview", href: base },
    ...(showOutline ? [{ id: "outline" as const, href: `${base}/gliederung` }] : []),
    { id: "fassungen", href: `${base}/fassungen` },
    { id: "mitzeichnung", href: `${base}/mitzeichnung` },
    { id: "synopse", href: `${base}/synopse` },
    { id: "vorlage", href: `${base}/vorlage` },
    ...(showOutline ? [{ id: "protokoll" as const, href: `${base}/protokoll` }] : []),
  ];
  return (
    <nav aria-label={t("label")} className="mt-6 border-b border-line">
      <ul className="tabs flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link href={tab.href} {...(current === tab.id ? { "aria-current": "page" as const } : {})}>
              {t(tab.id)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
