import { SynopseDownloads } from "@/components/synopse/synopse-downloads";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SynopseTable } from "@/components/synopse/synopse-table";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { listSynopse, type SynopseFilter } from "@/lib/synopse/list-synopse";
import { getConceptTitle } from "@/lib/concepts/get-concept-title";

type Props = {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titled(params, (await getTranslations("synopse"))("title"));
}

/** The page's name and the concept's: pages of two concepts would otherwise share a title. */
async function titled(params: Promise<{ conceptId: string }>, name: string): Promise<Metadata> {
  const actor = await requireActor();
  const { conceptId } = await params;
  const concept = await orNotFound((async () => getConceptTitle(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  return { title: `${name} · ${concept}` };
}

const DECISIONS = ["uebernommen", "teilweise_uebernommen", "nicht_uebernommen", "zur_kenntnis_genommen"] as const;

/** A repeated query parameter counts with its first value. */
function single(sp: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(sp).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

function parseFilter(sp: Record<string, string | undefined>): SynopseFilter {
  const uuid = /^[0-9a-f-]{36}$/i;
  return {
    kind: sp.art === "kommentar" || sp.art === "vorschlag" || sp.art === "textvorschlag" ? sp.art : undefined,
    organisationId: sp.organisation && uuid.test(sp.organisation) ? sp.organisation : undefined,
    decision:
      sp.entscheidung === "offen" || (DECISIONS as readonly string[]).includes(sp.entscheidung ?? "")
        ? sp.entscheidung
        : undefined,
  };
}

/** A page of the table, with the filters it was reached with; page 1 has no `seite`. */
function pageHref(base: string, filter: SynopseFilter, page: number) {
  const query = new URLSearchParams();
  if (filter.kind) query.set("art", filter.kind);
  if (filter.organisationId) query.set("organisation", filter.organisationId);
  if (filter.decision) query.set("entscheidung", filter.decision);
  if (page > 1) query.set("seite", String(page));
  const qs = query.toString();
  return qs ? `${base}/synopse?${qs}` : `${base}/synopse`;
}

export default async function SynopsePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { conceptId } = await params;
  const sp = single(await searchParams);
  const filter = parseFilter(sp);
  const synopse = await orNotFound(
    (async () => listSynopse(await getDb(), actor, parseIdOrNotFound(conceptId), filter, sp.seite))(),
  );
  const t = await getTranslations("synopse");
  const ta = await getTranslations("abwaegung");
  const base = `/konzepte/${synopse.concept.id}`;
  const filtered = Boolean(filter.kind || filter.organisationId || filter.decision);
  const first = synopse.offset + 1;
  const last = synopse.offset + synopse.entries.length;
  return (
    <main id="inhalt" className="mx-auto max-w-7xl px-6 py-10">
      <p className="text-sm">
        <Link href={base}>{synopse.concept.title}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      <form
        method="get"
        className="no-print mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
        aria-label={t("filterLabel")}
      >
        <div className="flex flex-col">
          <label htmlFor="art" className="text-sm font-semibold">
            {t("kind")}
          </label>
          <select
            id="art"
            name="art"
            defaultValue={filter.kind ?? ""}
            className="rounded-md border border-muted bg-white px-2 py-1.5"
          >
            <option value="">{t("all")}</option>
            <option value="kommentar">{t("kindComment")}</option>
            <option value="vorschlag">{t("kindProposal")}</option>
            <option value="textvorschlag">{t("kindSuggestion")}</option>
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="organisation" className="text-sm font-semibold">
            {t("organisation")}
          </label>
          <select
            id="organisation"
            name="organisation"
            defaultValue={filter.organisationId ?? ""}
            className="rounded-md border border-muted bg-white px-2 py-1.5"
          >
            <option value="">{t("all")}</option>
            {synopse.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="entscheidung" className="text-sm font-semibold">
            {t("decision")}
          </label>
          <select
            id="entscheidung"
            name="entscheidung"
            defaultValue={filter.decision ?? ""}
            className="rounded-md border border-muted bg-white px-2 py-1.5"
          >
            <option value="">{t("all")}</option>
            <option value="offen">{t("undecided")}</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {ta(d)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
        <SynopseDownloads href={`/api/concepts/${synopse.concept.id}/synopse`} label={t("downloads")} />
      </form>
      <p className="mt-4 text-sm text-muted" role="status">
        {filtered
          ? t("countFiltered", { count: synopse.total, total: synopse.unfilteredTotal })
          : t("count", { count: synopse.total })}
        {synopse.pageCount > 1 ? ` · ${t("range", { first, last })}` : null}
      </p>
      <div className="mt-2">
        <SynopseTable entries={synopse.entries} caption={t("caption")} />
      </div>
      <Pagination
        label={t("pagesLabel")}
        page={synopse.page}
        pageCount={synopse.pageCount}
        href={(page) => pageHref(base, filter, page)}
      />
    </main>
  );
}
