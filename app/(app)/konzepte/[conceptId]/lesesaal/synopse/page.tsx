import { SynopseDownloads } from "@/components/synopse/synopse-downloads";
import { cache } from "react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { SynopseTable } from "@/components/synopse/synopse-table";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getReadingRoomSynopsePage } from "@/lib/workflow/get-reading-room";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ seite?: string | string[] }> };

// generateMetadata and the page share one load per request (React cache), not two.
const loadPage = cache(async (conceptId: string, seite: string | undefined) => {
  const actor = await requireActor();
  return orNotFound(
    (async () => getReadingRoomSynopsePage(await getDb(), actor, parseIdOrNotFound(conceptId), seite))(),
  );
});

async function load({ params, searchParams }: Props) {
  const seite = (await searchParams).seite;
  return loadPage((await params).conceptId, Array.isArray(seite) ? seite[0] : seite);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { concept } = await load(props);
  return { title: `${(await getTranslations("readingRoom"))("synopse")}: ${concept.title}` };
}

/**
 * The Synopse of the submitted Vorlage in the reading room, on its own page: the snapshot taken at submission,
 * 50 entries a page, so the submitted text is not sent again with every page of the Abwägung.
 */
export default async function ReadingRoomSynopsePage(props: Props) {
  const synopse = await load(props);
  const { concept } = synopse;
  const t = await getTranslations("readingRoom");
  const ts = await getTranslations("synopse");
  const format = await getFormatter();
  const room = `/konzepte/${concept.id}/lesesaal`;
  const first = synopse.offset + 1;
  const last = synopse.offset + synopse.entries.length;

  return (
    <main id="inhalt" className="mx-auto max-w-7xl px-6 py-10">
      <Breadcrumb items={[{ label: `${t("title")}: ${concept.title}`, href: room }, { label: t("synopse") }]} />
      <h1 className="mt-4 text-3xl font-bold">{t("synopse")}</h1>
      <p className="mt-2 max-w-3xl">{t("synopseIntro", { reference: synopse.reference })}</p>
      <p className="mt-1 text-sm text-muted">
        {t("synopseSnapshot", {
          when: format.dateTime(new Date(synopse.takenAt), { dateStyle: "long", timeStyle: "short" }),
        })}
      </p>
      <SynopseDownloads
        href={`/api/concepts/${concept.id}/vorlage/synopse`}
        label={t("synopseDownloads")}
        className="no-print mt-4 flex flex-wrap gap-3"
      />
      {synopse.total === 0 ? (
        <p className="mt-6">{t("noSynopse")}</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-muted" role="status">
            {ts("count", { count: synopse.total })}
            {synopse.pageCount > 1 ? ` · ${ts("range", { first, last })}` : null}
          </p>
          <div className="mt-2">
            <SynopseTable entries={synopse.entries} caption={t("synopse")} />
          </div>
          <Pagination
            label={ts("pagesLabel")}
            page={synopse.page}
            pageCount={synopse.pageCount}
            href={(page) => (page > 1 ? `${room}/synopse?seite=${page}` : `${room}/synopse`)}
          />
        </>
      )}
    </main>
  );
}
