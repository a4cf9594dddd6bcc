import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DiscussionPanel } from "@/components/comments/discussion-panel";
import { SectionStatusBadge } from "@/components/status-badge";
import { getSectionDiscussion, type ThreadFilter } from "@/lib/comments/get-section-discussion";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";

type Props = { params: Promise<{ conceptId: string; sectionId: string }>; searchParams: Promise<{ filter?: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId, sectionId } = await params;
  return orNotFound((async () => getSectionForReading(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await load(params);
  return { title: `${section.number}. ${section.title}` };
}

function parseFilter(value: string | undefined): ThreadFilter {
  if (value === "offen" || value === "erledigt" || value === "meine") return value;
  if (value?.startsWith("org:")) return value as ThreadFilter;
  return "alle";
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { concept, section, previous, next } = await load(params);
  const actor = await requireActor();
  const filter = parseFilter((await searchParams).filter);
  const discussion = await getSectionDiscussion(await getDb(), actor, concept.id, section.id, filter);
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
      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <article className="self-start rounded-lg border border-line bg-white p-8">
          {discussion.html ? <div className="rich-text" data-section-text dangerouslySetInnerHTML={{ __html: discussion.html }} /> : <p>{t("empty")}</p>}
        </article>
        <DiscussionPanel discussion={discussion} conceptId={concept.id} sectionId={section.id} actorId={actor.id} filter={filter} />
      </div>
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
