import { SynopseDownloads } from "@/components/synopse/synopse-downloads";
import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PaperParts } from "@/components/vorlage/paper-parts";
import { AnswerQuestionForm, AskQuestionForm } from "@/components/vorlage/question-forms";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { placeHtmlHeadings } from "@/lib/content/place-heading-levels";
import { renderCachedHtml } from "@/lib/content/render-cache";
import { renderContentHtml } from "@/lib/content/render-html";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getReadingRoom } from "@/lib/workflow/get-reading-room";
import { answerQuestionAction, askQuestionAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page share one load per request (React cache), not two.
const loadReadingRoom = cache(async (conceptId: string) => {
  const actor = await requireActor();
  return orNotFound((async () => getReadingRoom(await getDb(), actor, parseIdOrNotFound(conceptId)))());
});

async function load(params: Props["params"]) {
  return loadReadingRoom((await params).conceptId);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept } = await load(params);
  return { title: `${(await getTranslations("readingRoom"))("title")}: ${concept.title}` };
}

const day = (d: string) => new Date(`${d}T12:00:00Z`);

/**
 * The committee reading room: only the submitted Fassung, its Synopse as it stood at submission (snapshot,
 * without internal threads; its entries on their own paged page, `lesesaal/synopse`), the Vorlage with its
 * Beratungsfolge and the Rückfragen. Never from the drafts.
 */
export default async function ReadingRoomPage({ params, searchParams }: Props) {
  const preselected = (await searchParams).abschnitt;
  const room = await load(params);
  const { concept, vorlage } = room;
  const t = await getTranslations("readingRoom");
  const tv = await getTranslations("vorlage");
  const tcr = await getTranslations("consultationRole");
  const to = await getTranslations("outcome");
  const ts = await getTranslations("synopse");
  const format = await getFormatter();

  return (
    <main id="inhalt" className="mx-auto max-w-5xl px-6 py-10">
      <p className="text-muted">{t("title")}</p>
      <h1 className="mt-1 text-3xl font-bold">{concept.title}</h1>
      <p className="mt-2">{t("intro", { reference: vorlage.reference, fassung: vorlage.fassungName })}</p>

      <section aria-labelledby="vorlage" className="mt-8 rounded-lg border border-line bg-white p-6">
        <h2 id="vorlage" className="text-xl font-bold">
          {tv("dataHeading", { reference: vorlage.reference })}
        </h2>
        <dl className="mt-4 grid gap-x-8 gap-y-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-muted">{tv("paperType")}</dt>
            <dd className="font-semibold">{tv(vorlage.paperType)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{tv("paperDate")}</dt>
            <dd className="font-semibold">{format.dateTime(day(vorlage.paperDate), { dateStyle: "long" })}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("mandate")}</dt>
            <dd className="font-semibold">{concept.mandateReference}</dd>
          </div>
          <div className="sm:col-span-3">
            <dt className="text-sm text-muted">{tv("sha512")}</dt>
            <dd className="font-mono text-sm break-all">{vorlage.sha512}</dd>
          </div>
        </dl>
        <p className="mt-4">
          <a
            href={`/api/concepts/${concept.id}/vorlage/pdf`}
            className={buttonClass("primary", "no-underline hover:text-white")}
            download
          >
            {tv("downloadPdf", { size: format.number((vorlage.size ?? 0) / 1024, { maximumFractionDigits: 0 }) })}
          </a>
        </p>
        <PaperParts
          parts={(["decisionProposal", "financialImpact", "reasoning"] as const).map((part) => ({
            id: part,
            label: tv(`parts.${part}`),
            text: vorlage[part],
          }))}
        />
        <ScrollBox label={tv("folgeHeading")} className="mt-6">
          <table className="w-full text-left">
            <caption className="text-left font-semibold">{tv("folgeHeading")}</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-3">
                  {tv("committee")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tv("role")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tv("meetingDate")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("outcome")}
                </th>
              </tr>
            </thead>
            <tbody>
              {room.folge.map((c) => (
                <tr key={c.id} className="border-b border-line last:border-0">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {c.position}. {c.committeeName} ({c.committeeShortName})
                  </th>
                  <td className="py-2 pr-3">{tcr(c.role)}</td>
                  <td className="py-2 pr-3">{format.dateTime(day(c.meetingDate), { dateStyle: "medium" })}</td>
                  <td className="py-2 pr-3">
                    {c.outcome
                      ? `${to(c.outcome)}${c.outcomeDate ? ` (${format.dateTime(day(c.outcomeDate), { dateStyle: "medium" })})` : ""}`
                      : t("pending")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <nav aria-labelledby="inhalt-fassung" className="mt-8 rounded-lg border border-line bg-white p-6">
        <h2 id="inhalt-fassung" className="text-xl font-bold">
          {t("contents")}
        </h2>
        <ol className="mt-3 space-y-1">
          {room.sections.map((s) => (
            <li key={s.sectionId}>
              <a href={`#abschnitt-${s.number}`}>
                {s.number}. {s.title}
              </a>
            </li>
          ))}
          <li>
            <a href="#synopse">{t("synopse")}</a>
          </li>
          <li>
            <a href="#rueckfragen">{t("questions")}</a>
          </li>
        </ol>
      </nav>

      <article aria-label={vorlage.fassungName} className="mt-8 rounded-lg border border-line bg-white p-8">
        {room.sections.map((s) => {
          // Content headings sit below the section's h2.
          const html = s.content
            ? placeHtmlHeadings(
                s.revisionId ? renderCachedHtml(s.revisionId, s.content) : renderContentHtml(s.content),
                2,
              )
            : "";
          return (
            <section
              key={s.sectionId}
              aria-labelledby={`abschnitt-${s.number}`}
              data-section-id={s.sectionId}
              className="mb-10 last:mb-0"
            >
              <h2 id={`abschnitt-${s.number}`} className="text-2xl font-bold">
                {s.number}. {s.title}
              </h2>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-muted">
                <span>{t("owner", { name: s.ownerName })}</span>
                {room.mayAsk ? (
                  <Link href={`?abschnitt=${s.sectionId}#rueckfrage-stellen`}>
                    {t("askAboutSection", { number: s.number })}
                  </Link>
                ) : null}
              </p>
              <div className="mt-4">
                {html ? (
                  <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
                ) : (
                  <p className="text-muted">{t("empty")}</p>
                )}
              </div>
            </section>
          );
        })}
      </article>

      <section aria-labelledby="synopse" className="mt-8 rounded-lg border border-line bg-white p-6">
        <h2 id="synopse" className="text-xl font-bold">
          {t("synopse")}
        </h2>
        {room.snapshotTakenAt ? (
          <p className="mt-1 text-sm text-muted" data-testid="synopse-snapshot">
            {t("synopseSnapshot", {
              when: format.dateTime(room.snapshotTakenAt, { dateStyle: "long", timeStyle: "short" }),
            })}
          </p>
        ) : null}
        {room.synopseCount === null ? (
          <p className="mt-2">{t("noSnapshot")}</p>
        ) : room.synopseCount === 0 ? (
          <p className="mt-2">{t("noSynopse")}</p>
        ) : (
          <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <span>{ts("count", { count: room.synopseCount })}</span>
            <Link
              href={`/konzepte/${concept.id}/lesesaal/synopse`}
              className={buttonClass("primary", "no-underline hover:text-white")}
            >
              {t("openSynopse")}
            </Link>
          </p>
        )}
        {room.synopseCount !== null ? (
          <SynopseDownloads
            href={`/api/concepts/${concept.id}/vorlage/synopse`}
            label={t("synopseDownloads")}
            className="mt-3 flex flex-wrap gap-3"
          />
        ) : null}
      </section>

      <section aria-labelledby="rueckfragen" className="mt-8 rounded-lg border border-line bg-white p-6">
        <h2 id="rueckfragen" className="text-xl font-bold">
          {t("questions")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("questionsVisibility")}</p>
        {room.questions.length === 0 ? <p className="mt-3">{t("noQuestions")}</p> : null}
        <ol className="mt-4 space-y-4">
          {room.questions.map((q) => (
            <li key={q.id} id={`rueckfrage-${q.id}`} className="rounded-md border border-line p-4">
              <p className="text-sm text-muted">
                {t("askedBy", {
                  name: q.authorName,
                  committee: q.committee ?? "—",
                  when: format.dateTime(q.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
              {q.sectionId ? (
                <div className="mt-2 border-l-4 border-line pl-3 text-sm">
                  <p>
                    {(() => {
                      const section = room.sections.find((s) => s.sectionId === q.sectionId);
                      return section ? (
                        <a href={`#abschnitt-${section.number}`}>
                          {t("aboutSection", { number: section.number, title: section.title })}
                        </a>
                      ) : null;
                    })()}
                  </p>
                  {q.quote ? <blockquote className="mt-1 italic">„{q.quote}“</blockquote> : null}
                </div>
              ) : null}
              <p className="mt-1 whitespace-pre-line">{q.body}</p>
              {q.answer ? (
                <div className="mt-3 border-l-4 border-brand pl-3">
                  <p className="text-sm text-muted">
                    {t("answeredBy", {
                      name: q.answeredByName ?? "—",
                      when: q.answeredAt
                        ? format.dateTime(q.answeredAt, { dateStyle: "medium", timeStyle: "short" })
                        : "—",
                    })}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{q.answer}</p>
                </div>
              ) : room.mayAnswer ? (
                <AnswerQuestionForm action={answerQuestionAction} conceptId={concept.id} questionId={q.id} />
              ) : (
                <p className="mt-2 text-sm text-muted">{t("unanswered")}</p>
              )}
            </li>
          ))}
        </ol>
        {room.mayAsk ? (
          <div id="rueckfrage-stellen" tabIndex={-1}>
            <AskQuestionForm
              action={askQuestionAction}
              conceptId={concept.id}
              sections={room.sections.map((s) => ({ id: s.sectionId, number: s.number, title: s.title }))}
              sectionId={
                typeof preselected === "string" && room.sections.some((s) => s.sectionId === preselected)
                  ? preselected
                  : undefined
              }
            />
          </div>
        ) : null}
      </section>
    </main>
  );
}
