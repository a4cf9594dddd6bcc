import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionStatusBadge } from "@/components/status-badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";

type Props = { params: Promise<{ conceptId: string; sectionId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId, sectionId } = await params;
  return orNotFound((async () => getSectionForReading(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await load(params);
  return { title: `${section.number}. ${section.title}` };
}

export default async function SectionPage({ params }: Props) {
  const { concept, section, previous, next } = await load(params);
  const t = await getTranslations("section");
  const tc = await getTranslations("concept");
  const base = `/konzepte/${concept.id}`;

  return (
    <main id="inhalt" className="mx-auto max-w-6xl px-6 py-10">
      <nav aria-label={tc("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li>
            <Link href={base}>{concept.title}</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">
            {section.number}. {section.title}
          </li>
        </ol>
      </nav>
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold">
          {section.number}. {section.title}
        </h1>
        <SectionStatusBadge status={section.status} />
      </div>
      <p className="mt-2 text-muted">
        {t("owner", { name: section.ownerName })} · {t("revision", { number: section.version })} ·{" "}
        {t("lastChange", { date: section.updatedAt, time: section.updatedAt, name: section.updatedByName ?? "—" })}
      </p>
      <article className="mt-8 rounded-lg border border-line bg-white p-8">
        {section.html ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: section.html }} /> : <p>{t("empty")}</p>}
      </article>
      <nav aria-label={t("sectionNav")} className="mt-8 flex justify-between gap-4">
        {previous ? (
          <Link href={`${base}/abschnitte/${previous.id}`} rel="prev">
            ← {t("previous")}: {previous.number}. {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`${base}/abschnitte/${next.id}`} rel="next">
            {t("next")}: {next.number}. {next.title} →
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
