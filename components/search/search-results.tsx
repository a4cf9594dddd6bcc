import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SearchResult } from "@/lib/search/search-content";

/** Hits grouped by concept (h2) and section (h3); snippets are text with <mark> around the matched words. */
export async function SearchResults({ result }: { result: SearchResult }) {
  const t = await getTranslations("search");
  if (!result.concepts.length) return null;
  return (
    <section aria-label={t("resultsLabel")} className="mt-6 flex flex-col gap-8">
      {result.concepts.map((concept) => (
        <section key={concept.conceptId} aria-labelledby={`treffer-${concept.conceptId}`}>
          <h2 id={`treffer-${concept.conceptId}`} className="text-2xl font-bold">
            <Link href={`/konzepte/${concept.conceptId}`}>{concept.title}</Link>
          </h2>
          <div className="mt-3 flex flex-col gap-4">
            {concept.sections.map((section) => (
              <section key={section.sectionId} className="rounded-lg border border-line bg-white p-4">
                <h3 className="text-lg font-semibold">
                  <Link href={section.href}>
                    {t("sectionHeading", { number: section.number, title: section.title })}
                  </Link>
                </h3>
                <ul className="mt-2 flex flex-col gap-3">
                  {section.hits.map((hit, i) => (
                    <li key={`${hit.href}-${i}`} className="border-l-4 border-line pl-3">
                      <p className="flex flex-wrap items-center gap-2">
                        <Link href={hit.href} className="font-semibold">
                          {t(`kind.${hit.kind}`)}
                        </Link>
                        {hit.internal ? <Badge tone="warn">{t("internal")}</Badge> : null}
                      </p>
                      <p className="mt-1 whitespace-pre-line">
                        {hit.snippet.map((segment, j) =>
                          segment.mark ? (
                            <mark key={j} className="rounded-sm bg-[#fff1b8] px-0.5 font-semibold text-ink">
                              {segment.text}
                            </mark>
                          ) : (
                            <span key={j}>{segment.text}</span>
                          ),
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
