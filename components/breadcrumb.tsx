import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";

/** Where am I: links up the hierarchy, the last item is the current page. */
export async function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  const t = await getTranslations("concept");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm">
      <ol className="flex flex-wrap gap-2 text-muted">
        {items.map((item, i) => (
          <Fragment key={`${i}-${item.label}`}>
            {i > 0 ? <li aria-hidden="true">/</li> : null}
            <li aria-current={item.href ? undefined : "page"}>
              {item.href ? <Link href={item.href}>{item.label}</Link> : item.label}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
