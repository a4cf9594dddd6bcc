import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { RevisionCompareForm } from "@/components/history/revision-compare-form";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { listSectionRevisions } from "@/lib/sections/list-section-revisions";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string; sectionId: string }>; searchParams?: Promise<{ seite?: string }> };

// generateMetadata and the page share one load per request (React cache), not two.
async function load(params: Props["params"], searchParams?: Props["searchParams"]) {
  const { conceptId, sectionId } = await params;
  return loadHistory(conceptId, sectionId, Number((await searchParams)?.seite ?? 1));
}

const loadHistory = cache(async (conceptId: string, sectionId: string, page: number) => {
  const actor = await requireActor();
  return orNotFound(
    (async () =>
      listSectionRevisions(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId), page))(),
  );
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept, section } = await load(params);
  const t = await getTranslations("history");
  return { title: `${t("pageTitle", { title: section.title })} · ${concept.title}` };
}

export default async function SectionHistoryPage({ params, searchParams }: Props) {
  const { concept, section, revisions, total, page, pageCount } = await load(params, searchParams);
  const t = await getTranslations("history");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;
  const label = section.number ? `${section.number}. ${section.title}` : section.title;

  return (
    <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
      <Breadcrumb
        items={[
          { label: concept.title, href: base },
          { label, href: section.archivedAt ? undefined : here },
          { label: t("crumb") },
        ]}
      />
      <h1 className="mt-4 text-3xl font-bold">{t("heading", { section: label })}</h1>
      <p className="mt-2 text-muted">{t("intro", { count: total, owner: section.ownerName })}</p>
      {section.archivedAt ? (
        <p className="mt-3 rounded-md border border-line bg-white px-4 py-3">{t("archived")}</p>
      ) : null}

      {total > 1 ? (
        <section aria-labelledby="vergleichen" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="vergleichen" className="text-xl font-bold">
            {t("compareTitle")}
          </h2>
          <RevisionCompareForm action={`${here}/verlauf/vergleich`} latest={total} from={total - 1} to={total} />
        </section>
      ) : null}

      <section aria-labelledby="versionen" className="mt-8 rounded-lg border border-line bg-white p-6">
        <h2 id="versionen" className="text-xl font-bold">
          {t("listTitle")}
        </h2>
        <ScrollBox label={t("caption", { section: label })} className="mt-4">
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption", { section: label })}</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-4">
                  {t("number")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("when")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("author")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("organisation")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("note")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.number} className="border-b border-line align-top last:border-0">
                  <th scope="row" className="py-3 pr-4 font-semibold">
                    {r.number}
                    {r.number === section.version ? (
                      <span className="ml-2 text-sm font-normal text-muted">({t("current")})</span>
                    ) : null}
                  </th>
                  <td className="py-3 pr-4 whitespace-nowrap">
                    {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="py-3 pr-4">{r.authorName ?? "—"}</td>
                  <td className="py-3 pr-4">{r.organisationName ?? "—"}</td>
                  <td className="py-3 pr-4">
                    {r.restoredFromNumber !== null
                      ? t("restoredFrom", { number: r.restoredFromNumber })
                      : (r.note ?? <span className="text-muted">—</span>)}
                    {r.creditedName ? (
                      <span className="block text-sm text-muted">{t("creditedTo", { name: r.creditedName })}</span>
                    ) : null}
                  </td>
                  <td className="py-3 pr-4">
                    <ul className="flex flex-col gap-1 text-sm">
                      <li>
                        <Link
                          href={`${here}/verlauf/${r.number}`}
                          aria-label={t("readRevisionLabel", { number: r.number })}
                        >
                          {t("readRevision")}
                        </Link>
                      </li>
                      {r.number > 1 ? (
                        <li>
                          <Link
                            href={`${here}/verlauf/vergleich?von=${r.number - 1}&bis=${r.number}`}
                            aria-label={t("changesLabel", { number: r.number })}
                          >
                            {t("changes")}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <Pagination
          label={t("pagesLabel")}
          page={page}
          pageCount={pageCount}
          href={(n) => `${here}/verlauf${n > 1 ? `?seite=${n}` : ""}`}
          previousLabel={t("newer")}
          nextLabel={t("older")}
        />
      </section>
    </main>
  );
}
