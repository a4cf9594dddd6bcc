import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchResults } from "@/components/search/search-results";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { MAX_HITS, searchContent } from "@/lib/search/search-content";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/lib/search/search-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/** Full-text search over what the signed-in user may read; the query runs on the server, results are plain links. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireActor();
  const t = await getTranslations("search");
  const raw = (await searchParams).q;
  const rawText = typeof raw === "string" ? raw : (raw?.[0] ?? "");
  const parsed = parseSearchQuery(raw);
  const result = parsed.ok ? await searchContent(await getDb(), actor, parsed.q) : null;
  const error = !parsed.ok && parsed.reason === "tooLong" ? t("tooLong", { max: MAX_QUERY_LENGTH }) : null;

  let status: string;
  if (error) status = error;
  else if (!result) status = t("emptyQuery");
  else if (result.truncated) status = t("truncated", { max: MAX_HITS, query: result.query });
  else status = t("count", { count: result.hitCount, query: result.query });

  return (
    <main id="inhalt" className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form role="search" aria-label={t("formLabel")} action="/suche" method="get" className="mt-6 flex flex-col gap-2">
        <label htmlFor="suche-q" className="font-semibold">
          {t("inputLabel")}
        </label>
        <p id="suche-q-hint" className="text-sm text-muted">
          {t("hint")}
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id="suche-q"
            name="q"
            type="search"
            defaultValue={rawText}
            data-search-page-input
            aria-keyshortcuts="/"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "suche-q-hint suche-status" : "suche-q-hint"}
            className="min-w-0 flex-1 rounded-md border border-muted bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger"
          />
          <button type="submit" className={buttonClass("primary")}>
            {t("submit")}
          </button>
        </div>
      </form>
      <p id="suche-status" role="status" className={error ? "mt-4 font-semibold text-danger" : "mt-4 font-semibold"}>
        {status}
      </p>
      {result && result.hitCount === 0 ? <p className="mt-2 text-muted">{t("noHitsHint")}</p> : null}
      {result ? <SearchResults result={result} /> : null}
    </main>
  );
}
