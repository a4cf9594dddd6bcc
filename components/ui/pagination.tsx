import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageNumbers } from "@/lib/paging";

type Props = {
  /** Names the navigation for screen readers, e.g. "Seiten der Synopse". */
  label: string;
  page: number;
  pageCount: number;
  /** The address of a page; it keeps whatever else the list is filtered by. */
  href: (page: number) => string;
  /** What the previous/next links say where "Vorherige/Nächste Seite" would be vague (the history: newer/older). */
  previousLabel?: string;
  nextLabel?: string;
};

/**
 * Page links for a server-paged list (`?seite=`): previous and next, "Seite X von Y", and the page numbers
 * around the current one, which is marked aria-current. Nothing when the list fits on one page.
 */
export async function Pagination({ label, page, pageCount, href, previousLabel, nextLabel }: Props) {
  if (pageCount <= 1) return null;
  // No prefetch: a long list would otherwise render its neighbouring pages on the server for every view.
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={label} className="no-print mt-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
      <p className="text-muted">{t("pageInfo", { page, pages: pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} prefetch={false} rel="prev" className="inline-block rounded-md px-3 py-1.5">
              ← {previousLabel ?? t("previous")}
            </Link>
          </li>
        ) : null}
        {pageNumbers(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={href(n)}
                prefetch={false}
                aria-label={t("page", { page: n })}
                aria-current={n === page ? "page" : undefined}
                className={
                  n === page
                    ? "inline-block rounded-md border border-brand bg-brand px-3 py-1.5 font-semibold text-white no-underline hover:text-white"
                    : "inline-block rounded-md px-3 py-1.5"
                }
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} prefetch={false} rel="next" className="inline-block rounded-md px-3 py-1.5">
              {nextLabel ?? t("next")} →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
