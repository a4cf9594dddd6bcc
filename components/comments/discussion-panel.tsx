import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { discussionPageHref, type ThreadFilter } from "@/lib/comments/discussion-links";
import type { getSectionDiscussion } from "@/lib/comments/get-section-discussion";
import { LegacyThreadLink } from "./legacy-thread-link";
import { CommentItem } from "./comment-item";
import { NewReplies } from "./new-replies";
import { ThreadNotice, ThreadReplies } from "./sent-replies";
import { NewThreadForm } from "./new-thread-form";
import { DecisionForm, OwnCommentControls, ReplyForm, ResolveButton, type CommentActions } from "./thread-forms";

type Discussion = Awaited<ReturnType<typeof getSectionDiscussion>>;

/** The threads beside a section's text: filters, the form for a new comment, and one page of the visible threads. */
export async function DiscussionPanel({
  discussion,
  conceptId,
  sectionId,
  actorId,
  filter,
  actions,
}: {
  /** The section page's comment actions, passed on to the forms. */
  actions: CommentActions;
  discussion: Discussion;
  conceptId: string;
  sectionId: string;
  actorId: string;
  filter: ThreadFilter;
}) {
  const t = await getTranslations("comments");
  const ta = await getTranslations("abwaegung");
  const format = await getFormatter();
  const { paging } = discussion;
  // A filter starts on its first page; the page links keep the filter (and drop ?thread=).
  const pageHref = (shown: ThreadFilter, page: number) => discussionPageHref(conceptId, sectionId, shown, page);
  const filters: { key: ThreadFilter; label: string }[] = [
    { key: "alle", label: t("filterAll") },
    { key: "offen", label: t("filterOpen") },
    { key: "erledigt", label: t("filterResolved") },
    { key: "meine", label: t("filterMine") },
    ...discussion.threadOrganisations.map(([id, name]) => ({ key: `org:${id}` as ThreadFilter, label: name })),
  ];
  return (
    <section aria-labelledby="diskussion" className="flex flex-col gap-4">
      <h2 id="diskussion" className="text-xl font-bold">
        {t("title", { open: discussion.counts.open })}
      </h2>
      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => (
            <li key={f.key}>
              <Link
                href={pageHref(f.key, 1)}
                aria-current={filter === f.key ? "page" : undefined}
                className="inline-block rounded-full border border-line bg-white px-3 py-1 no-underline aria-[current=page]:border-brand aria-[current=page]:bg-brand aria-[current=page]:text-white"
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {discussion.may.comment ? (
        <NewThreadForm
          createThreadAction={actions.createThread}
          conceptId={conceptId}
          sectionId={sectionId}
          filter={filter}
          mayCommentInternally={discussion.may.commentInternally}
          mentionables={discussion.mentionables}
        />
      ) : (
        <p className="text-muted">{t("readOnly")}</p>
      )}
      {discussion.threads.length === 0 ? (
        <p>{t("none")}</p>
      ) : paging.pageCount > 1 ? (
        <p className="text-sm text-muted">
          {t("range", { from: paging.offset + 1, to: paging.offset + discussion.threads.length, total: paging.total })}
        </p>
      ) : null}
      <Pagination
        label={t("pagesLabel")}
        page={paging.page}
        pageCount={paging.pageCount}
        href={(page) => pageHref(filter, page)}
        previousLabel={t("pagePrevious")}
        nextLabel={t("pageNext")}
      />
      <ol className="flex flex-col gap-4">
        {discussion.threads.map((thread) => {
          const ctx = { conceptId, sectionId, threadId: thread.id, actions };
          const mayResolve = discussion.may.resolveAny || (thread.createdBy === actorId && discussion.may.comment);
          return (
            <li key={thread.id} id={`thread-${thread.id}`} className="rounded-lg border border-line bg-white p-4">
              <ThreadReplies>
                <h3 id={`thread-${thread.id}-title`} className="sr-only">
                  {t("threadBy", { name: thread.authorName })}
                </h3>
                <div className="flex flex-wrap gap-2">
                  <Badge tone={thread.status === "open" ? "info" : "ok"}>
                    {thread.status === "open" ? t("open") : t("resolved")}
                  </Badge>
                  {thread.visibility === "verwaltung" ? <Badge tone="warn">{t("internal")}</Badge> : null}
                  {thread.blocking ? <Badge tone="danger">{t("blockingBadge")}</Badge> : null}
                  {thread.decision ? (
                    <Badge tone="neutral">{t("decisionBadge", { decision: ta(thread.decision) })}</Badge>
                  ) : null}
                </div>
                {thread.suggestion ? (
                  <p className="mt-2 text-sm">
                    <span className="font-semibold">{t("aboutSuggestion")}</span>{" "}
                    {thread.suggestion.kind === "formatting" ? (
                      t("suggestionFormatting")
                    ) : (
                      <>
                        {thread.suggestion.deletedText ? (
                          <del className="diff-del-sample">{thread.suggestion.deletedText}</del>
                        ) : null}{" "}
                        {thread.suggestion.insertedText ? (
                          <ins className="diff-ins-sample">{thread.suggestion.insertedText}</ins>
                        ) : null}
                      </>
                    )}
                  </p>
                ) : thread.anchor ? (
                  thread.placement?.status === "changed" ? (
                    <div className="mt-2 rounded-md border border-[#f0d3a1] bg-[#fdf2e0] p-2 text-sm">
                      <strong>{t("anchorChanged")}</strong> {t("originalQuote")}{" "}
                      <q className="italic">{thread.anchor.quote.exact}</q>
                    </div>
                  ) : (
                    <blockquote className="mt-2 border-l-4 border-[#f5c842] pl-3 text-sm italic">
                      {thread.anchor.quote.exact}
                    </blockquote>
                  )
                ) : (
                  <p className="mt-2 text-sm text-muted">{t("wholeSection")}</p>
                )}
                <ol className="mt-3 flex flex-col gap-3">
                  {thread.comments.map((c) => (
                    <CommentItem
                      key={c.id}
                      comment={c}
                      dateText={format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      labels={{
                        edited: t("edited"),
                        deleted: t("deleted"),
                        mentions: c.mentions.length
                          ? t("mentions", { names: c.mentions.map((m) => `@${m}`).join(", ") })
                          : null,
                      }}
                      controls={
                        !c.deleted && c.authorId === actorId && discussion.may.comment ? (
                          <OwnCommentControls ctx={ctx} commentId={c.id} body={c.body ?? ""} />
                        ) : null
                      }
                    />
                  ))}
                  {discussion.may.comment ? <NewReplies ctx={ctx} listed={thread.comments.map((c) => c.id)} /> : null}
                </ol>
                {discussion.may.comment ? <ThreadNotice /> : null}
                {thread.decision ? (
                  <p className="mt-3 rounded-md bg-canvas p-2 text-sm">
                    <strong>{t("decisionBadge", { decision: ta(thread.decision) })}</strong>
                    {thread.deciderName ? ` (${thread.deciderName})` : null}: {thread.decisionReason}
                  </p>
                ) : null}
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {mayResolve ? <ResolveButton ctx={ctx} resolved={thread.status === "resolved"} /> : null}
                </div>
                {discussion.may.decide ? (
                  <DecisionForm ctx={ctx} current={{ decision: thread.decision, reason: thread.decisionReason }} />
                ) : null}
                {discussion.may.comment ? <ReplyForm ctx={ctx} mentionables={discussion.mentionables} /> : null}
              </ThreadReplies>
            </li>
          );
        })}
      </ol>
      <Pagination
        label={t("pagesLabelEnd")}
        page={paging.page}
        pageCount={paging.pageCount}
        href={(page) => pageHref(filter, page)}
        previousLabel={t("pagePrevious")}
        nextLabel={t("pageNext")}
      />
      {paging.pageCount > 1 ? <LegacyThreadLink /> : null}
    </section>
  );
}
