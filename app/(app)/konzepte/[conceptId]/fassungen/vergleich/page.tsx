import { cache } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { DiffLegend } from "@/components/diff/diff-text";
import { FassungCompareForm } from "@/components/fassungen/fassung-compare-form";
import { SectionComparisonView } from "@/components/fassungen/section-comparison";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { compareFassungen, CURRENT_STATE } from "@/lib/fassungen/compare-fassungen";
import { listFassungen } from "@/lib/fassungen/list-fassungen";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ von?: string; bis?: string }> };

// generateMetadata and the page share one load per request (React cache), not two.
async function load({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { von, bis } = await searchParams;
  if (!von || !bis) notFound();
  return loadComparison(conceptId, von, bis);
}

const loadComparison = cache(async (conceptId: string, von: string, bis: string) => {
  const actor = await requireActor();
  const db = await getDb();
  const id = parseIdOrNotFound(conceptId);
  const to = bis === CURRENT_STATE ? CURRENT_STATE : parseIdOrNotFound(bis);
  const [comparison, list] = await orNotFound(
    Promise.all([compareFassungen(db, actor, id, parseIdOrNotFound(von), to), listFassungen(db, actor, id)]),
  );
  return { ...comparison, fassungen: list.fassungen, toParam: to };
});

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { concept, from, to } = await load(props);
  const t = await getTranslations("fassungen");
  return {
    title: `${t("compareHeading", { from: from.name, to: to?.name ?? t("currentState") })} · ${concept.title}`,
  };
}

export default async function FassungComparisonPage(props: Props) {
  const { concept, from, to, sections, summary, fassungen, toParam } = await load(props);
  const t = await getTranslations("fassungen");
  const base = `/konzepte/${concept.id}`;
  const toName = to?.name ?? t("currentState");
  const changed = sections.filter((s) => s.kind !== "kept" || s.textChanged || s.renamed || s.moved || s.ownerChanged);
  const unchanged = sections.filter((s) => !changed.includes(s));

  return (
    <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
      <Breadcrumb
        items={[
          { label: concept.title, href: base },
          { label: t("title"), href: `${base}/fassungen` },
          { label: t("compareCrumb") },
        ]}
      />
      <h1 className="mt-4 text-3xl font-bold">{t("compareHeading", { from: from.name, to: toName })}</h1>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold">{t("otherComparison")}</summary>
        <FassungCompareForm
          action={`${base}/fassungen/vergleich`}
          fassungen={[...fassungen].reverse()}
          from={from.id}
          to={toParam}
        />
      </details>

      <section aria-labelledby="zusammenfassung" className="mt-6 rounded-lg border border-line bg-white p-6">
        <h2 id="zusammenfassung" className="text-xl font-bold">
          {t("summaryTitle")}
        </h2>
        <ul className="mt-3 grid gap-x-8 gap-y-1 sm:grid-cols-3">
          <li>{t("summaryAdded", { count: summary.added })}</li>
          <li>{t("summaryRemoved", { count: summary.removed })}</li>
          <li>{t("summaryRenamed", { count: summary.renamed })}</li>
          <li>{t("summaryMoved", { count: summary.moved })}</li>
          <li>{t("summaryText", { count: summary.textChanged })}</li>
          <li>{t("summaryUnchanged", { count: summary.unchanged })}</li>
        </ul>
        <div className="mt-4">
          <DiffLegend />
        </div>
      </section>

      {changed.length ? (
        <div className="mt-6 space-y-6">
          {changed.map((s) => (
            <SectionComparisonView key={s.sectionId} comparison={s} />
          ))}
        </div>
      ) : (
        <p className="mt-6 rounded-lg border border-line bg-white p-6">{t("identical")}</p>
      )}

      {unchanged.length && changed.length ? (
        <section aria-labelledby="unveraendert" className="mt-6 rounded-lg border border-line bg-white p-6">
          <h2 id="unveraendert" className="text-xl font-bold">
            {t("unchangedTitle")}
          </h2>
          <ul className="mt-3 list-disc pl-6">
            {unchanged.map((s) => (
              <li key={s.sectionId}>
                {s.after!.number}. {s.after!.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
