"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/administration", key: "overview" },
  { href: "/administration/organisationen", key: "organisations" },
  { href: "/administration/personen", key: "people" },
  { href: "/administration/konzepte", key: "concepts" },
  { href: "/administration/e-mails", key: "mail" },
] as const;

export function AdminNav() {
  const t = useTranslations("admin");
  const pathname = usePathname();
  const current = [...LINKS].reverse().find((l) => pathname === l.href || pathname.startsWith(`${l.href}/`))?.href;
  return (
    <nav aria-label={t("navLabel")} className="mt-2 mb-8 border-b border-line">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current === l.href ? "page" : undefined}
              className="-mb-px inline-block border-b-4 border-transparent pb-2 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand aria-[current=page]:text-brand-dark"
            >
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
