import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DiscussSuggestion } from "@/components/suggestions/discuss-suggestion";
import { listSectionSuggestions } from "@/lib/suggestions/list-section-suggestions";
import { suggestionAnchor } from "@/lib/content/suggestion-ids";
import { Breadcrumb } from "@/components/breadcrumb";
import { DiscussionPanel } from "@/components/comments/discussion-panel";
import { ClientMessages } from "@/components/intl/client-messages";
import { SectionStatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { listSectionProposals } from "@/lib/proposals/get-proposal";
import { parseThreadFilter, threadHref } from "@/lib/comments/discussion-links";
import { getSectionDiscussion } from "@/lib/comments/get-section-discussion";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";
import { getWordOptions } from "@/lib/word/get-word-options";
import { WordPanel } from "@/components/word/word-panel";
import {
  createThreadAction,
  decideThreadAction,
  deleteCommentAction,
  editCommentAction,
  replyAction,
  resolveThreadAction,
} from "./comment-actions";

const COMMENT_ACTIONS = {
  createThread: createThreadAction,
  reply: replyAction,
  editComment: editCommentAction,
  deleteComment: deleteCommentAction,
  resolveThread: resolveThreadAction,
  decideThread: decideThreadAction,
};

type Query = { filter?: string | string[]; seite?: string | string[]; thread?: string | string[] };
type Props = { params: Promise<{ conceptId: string; sectionId: string }>; searchParams: Promise<Query> };

/** A repeated query parameter counts with its first value. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// generateMetadata and the page share one load per request (React cache), not two.
const loadSection = cache(async (conceptId: string, sectionId: string) => {
  const actor = await requireActor();
  return orNotFound(
    (async () =>
      getSectionForReading(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)))(),
  );
});

async function load(params: Props["params"]) {
  const { conceptId, sectionId } = await params;
  return loadSection(conceptId, sectionId);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept, section } = await load(params);
  return { title: `${section.number}. ${section.title} · ${concept.title}` };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { concept, section, previous, next, mayEdit, refusal, othersEditing } = await load(params);
  const actor = await requireActor();
  const query = await searchParams;
  const filter = parseThreadFilter(first(query.filter));
  // ?seite= picks a page; without it, ?thread= (links from notifications and search) opens the page holding that thread.
  const discussion = await getSectionDiscussion(await getDb(), actor, concept.id, section.id, filter, {
    page: first(query.seite),
    threadId: first(query.thread),
  });
  const proposals = await listSectionProposals(await getDb(), concept.id, section.id);
  const suggestions = (await listSectionSuggestions(await getDb(), section.id)).filter((s) => s.status !== "withdrawn");
  const ts = await getTranslations("suggestions");
  const word = await getWordOptions(await getDb(), actor, concept.id, section.id);
  const tp = await getTranslations("proposals");
  const t = await getTranslations("section");
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;

  return (
    <ClientMessages namespaces={["comments", "abwaegung", "word", "suggestions"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <Breadcrumb items={[{ label: concept.title, href: base }, { label: `${section.number}. ${section.title}` }]} />
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
        <div className="mt-4 flex flex-wrap items-center gap-3">
          {mayEdit ? (
            <Link href={`${here}/bearbeiten`} className={buttonClass("primary", "no-underline hover:text-white")}>
              {t("edit")}
            </Link>
          ) : null}
          {discussion.may.propose ? (
            <>
              <Link href={`${here}/bearbeiten?modus=vorschlagen`} className={buttonClass("secondary", "no-underline")}>
                {tp("propose")}
              </Link>
              <Link href={`${here}/vorschlagen`} className={buttonClass("secondary", "no-underline")}>
                {tp("proposeRewrite")}
              </Link>
            </>
          ) : null}
          <Link href={`${here}/verlauf`} className={buttonClass("secondary", "no-underline")}>
            {t("history")}
          </Link>
        </div>
        {refusal ? (
          <p className="mt-4 rounded-md border border-line bg-white px-4 py-3">
            {t(`refusal.${refusal}`, { owner: section.ownerName })}
          </p>
        ) : null}
        {othersEditing.length ? (
          <p className="mt-4 rounded-md border border-[#f0d3a1] bg-[#fdf2e0] px-4 py-3 font-semibold text-warn">
            {t("editingNow", {
              names: othersEditing.map((o) => (o.organisations ? `${o.name} (${o.organisations})` : o.name)).join(", "),
            })}
          </p>
        ) : null}
        <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <article aria-labelledby="abschnittstext" className="self-start rounded-lg border border-line bg-white p-8">
            <h2 id="abschnittstext" className="sr-only">
              {t("textHeading")}
            </h2>
            {discussion.html ? (
              <div className="rich-text" data-section-text dangerouslySetInnerHTML={{ __html: discussion.html }} />
            ) : (
              <p>{t("empty")}</p>
            )}
          </article>
          <DiscussionPanel
            discussion={discussion}
            conceptId={concept.id}
            sectionId={section.id}
            actorId={actor.id}
            filter={filter}
            actions={COMMENT_ACTIONS}
          />
        </div>
        <section aria-labelledby="vorschlaege" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="vorschlaege" className="text-xl font-bold">
            {tp("listTitle")}
          </h2>
          {proposals.length === 0 ? (
            <p className="mt-2 text-muted">{tp("none")}</p>
          ) : (
            <ul className="mt-3 flex flex-col gap-2">
              {proposals.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-3">
                  <Badge tone={p.status === "open" ? "info" : p.status === "accepted" ? "ok" : "neutral"}>
                    {tp(`status.${p.status}`)}
                  </Badge>
                  <Link href={`${here}/vorschlaege/${p.id}`}>
                    {p.proposerName}
                    {p.organisationName ? ` (${p.organisationName})` : ""}:{" "}
                    {p.reason.length > 80 ? `${p.reason.slice(0, 80)} …` : p.reason}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="textvorschlaege" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="textvorschlaege" className="text-xl font-bold">
            {ts("listTitle")}
          </h2>
          {suggestions.length === 0 ? (
            <p className="mt-2 text-muted">{ts("none")}</p>
          ) : (
            <ul className="mt-3 flex flex-col gap-3">
              {suggestions.map((s) => (
                <li key={s.id} id={suggestionAnchor(s.id)} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <Badge tone={s.status === "open" ? "info" : s.status === "accepted" ? "ok" : "neutral"}>
                    {s.decision ? ts(`decisions.${s.decision}`) : ts(`status.${s.status}`)}
                  </Badge>
                  <span>
                    {s.authorName}
                    {s.organisation ? ` (${s.organisation})` : ""}:{" "}
                    {s.kind === "replacement"
                      ? ts.rich("replacement", {
                          before: s.deletedText,
                          after: s.insertedText,
                          del: (c) => <del className="diff-del-sample">{c}</del>,
                          ins: (c) => <ins className="diff-ins-sample">{c}</ins>,
                        })
                      : s.kind === "insertion"
                        ? ts.rich("insertion", {
                            text: s.insertedText,
                            ins: (c) => <ins className="diff-ins-sample">{c}</ins>,
                          })
                        : s.kind === "deletion"
                          ? ts.rich("deletion", {
                              text: s.deletedText,
                              del: (c) => <del className="diff-del-sample">{c}</del>,
                            })
                          : ts("formatting")}
                  </span>
                  {s.reason && s.status !== "open" ? (
                    <span className="basis-full text-sm text-muted">
                      {ts("reasonLine", { name: s.decidedByName ?? "–", reason: s.reason })}
                    </span>
                  ) : null}
                  {s.threadIds.length ? (
                    <Link className="basis-full text-sm" href={threadHref(concept.id, section.id, s.threadIds.at(-1)!)}>
                      {ts("threads", { count: s.threadIds.length })}
                    </Link>
                  ) : null}
                  {discussion.may.comment && s.status === "open" ? (
                    <DiscussSuggestion
                      conceptId={concept.id}
                      sectionId={section.id}
                      suggestionId={s.id}
                      createThread={COMMENT_ACTIONS.createThread}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {suggestions.some((s) => s.status === "open") && mayEdit ? (
            <p className="mt-3">
              <Link href={`${here}/bearbeiten`}>{ts("decideInEditor")}</Link>
            </p>
          ) : null}
        </section>
        <WordPanel conceptId={concept.id} sectionId={section.id} importAs={word.importAs} mayExport={word.mayExport} />
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
    </ClientMessages>
  );
}
