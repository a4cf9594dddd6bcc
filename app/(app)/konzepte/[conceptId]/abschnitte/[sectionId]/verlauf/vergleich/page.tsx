import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumb } from "@/components/breadcrumb";
import { DiffLegend, DiffText } from "@/components/diff/diff-text";
import { RevisionCompareForm } from "@/components/history/revision-compare-form";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { compareSectionRevisions } from "@/lib/sections/compare-section-revisions";

type Props = {
  params: Promise<{ conceptId: string; sectionId: string }>;
  searchParams: Promise<{ von?: string; bis?: string }>;
};
const ZNumber = z.coerce.number().int().min(1).max(1_000_000);

// generateMetadata and the page share one load per request (React cache), not two.
async function load({ params, searchParams }: Props) {
  const { conceptId, sectionId } = await params;
  const query = await searchParams;
  const from = ZNumber.safeParse(query.von);
  const to = ZNumber.safeParse(query.bis);
  if (!from.success || !to.success) notFound();
  return loadComparison(conceptId, sectionId, from.data, to.data);
}

const loadComparison = cache(async (conceptId: string, sectionId: string, from: number, to: number) => {
  const actor = await requireActor();
  const db = await getDb();
  const ids = [parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)] as const;
  return orNotFound(compareSectionRevisions(db, actor, ...ids, from, to));
});

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { concept, section, from, to } = await load(props);
  const t = await getTranslations("history");
  return {
    title: `${t("diffPageTitle", { title: section.title, from: from.number, to: to.number })} · ${concept.title}`,
  };
}

export default async function RevisionDiffPage(props: Props) {
  const { concept, section, from, to, parts, summary } = await load(props);
  const t = await getTranslations("history");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;
  const label = section.number ? `${section.number}. ${section.title}` : section.title;
  const describe = (r: typeof from) =>
    t("revisionMeta", {
      number: r.number,
      when: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
      name: r.authorName ?? "—",
      organisation: r.organisationName ?? "—",
    });

  return (
    <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
      <Breadcrumb
        items={[
          { label: concept.title, href: base },
          { label, href: section.archivedAt ? undefined : here },
          { label: t("crumb"), href: `${here}/verlauf` },
          { label: t("diffCrumb") },
        ]}
      />
      <h1 className="mt-4 text-3xl font-bold">{t("diffHeading", { from: from.number, to: to.number })}</h1>
      <p className="mt-1 text-lg">{label}</p>
      <dl className="mt-4 grid gap-2 sm:grid-cols-2">
        <div className="rounded-md border border-line bg-white p-3">
          <dt className="text-sm text-muted">{t("from")}</dt>
          <dd>{describe(from)}</dd>
        </div>
        <div className="rounded-md border border-line bg-white p-3">
          <dt className="text-sm text-muted">{t("to")}</dt>
          <dd>{describe(to)}</dd>
        </div>
      </dl>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold">{t("otherComparison")}</summary>
        <RevisionCompareForm
          action={`${here}/verlauf/vergleich`}
          latest={section.version}
          from={from.number}
          to={to.number}
        />
      </details>
      <section aria-labelledby="aenderungen" className="mt-6 rounded-lg border border-line bg-white p-6">
        <h2 id="aenderungen" className="text-xl font-bold">
          {t("diffTitle")}
        </h2>
        <p className="mt-1 text-muted">
          {summary.changed
            ? t("diffSummary", { insertions: summary.insertions, deletions: summary.deletions })
            : t("diffNone")}
        </p>
        <div className="mt-2">
          <DiffLegend />
        </div>
        <div className="mt-4">
          <DiffText parts={parts} label={t("diffLabel", { from: from.number, to: to.number })} />
        </div>
      </section>
      <p className="mt-6 flex flex-wrap gap-4">
        <Link href={`${here}/verlauf/${from.number}`}>{t("readVersion", { number: from.number })}</Link>
        <Link href={`${here}/verlauf/${to.number}`}>{t("readVersion", { number: to.number })}</Link>
        <Link href={`${here}/verlauf`}>{t("backToHistory")}</Link>
      </p>
    </main>
  );
}
