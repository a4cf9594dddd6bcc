import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BackupLink } from "@/components/export-links";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { describeAuditEvent, type Translate } from "@/lib/audit/describe-audit-event";
import { AUDIT_CATEGORIES, listConceptAudit, type AuditFilter } from "@/lib/audit/list-concept-audit";
import { requireActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { ScrollBox } from "@/components/ui/scroll-box";
import { getConceptTitle } from "@/lib/concepts/get-concept-title";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titled(params, (await getTranslations("audit"))("title"));
}

/** The page's name and the concept's: pages of two concepts would otherwise share a title. */
async function titled(params: Promise<{ conceptId: string }>, name: string): Promise<Metadata> {
  const actor = await requireActor();
  const { conceptId } = await params;
  const concept = await orNotFound((async () => getConceptTitle(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  return { title: `${name} · ${concept}` };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const sp = await searchParams;
  const filter: AuditFilter = {
    category: (AUDIT_CATEGORIES as readonly string[]).includes(sp.kategorie ?? "")
      ? (sp.kategorie as AuditFilter["category"])
      : undefined,
    actorId: sp.person || undefined,
    from: sp.von || undefined,
    to: sp.bis || undefined,
    before: sp.vor ? Number(sp.vor) : undefined,
  };
  const t = await getTranslations("audit");
  let error: string | null = null;
  let result: Awaited<ReturnType<typeof listConceptAudit>>;
  try {
    result = await orNotFound(listConceptAudit(await getDb(), actor, conceptId, filter));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    const translated = e.translate(await getLocale());
    error = Object.values(translated.fieldErrors)[0] ?? translated.message;
    result = await orNotFound(listConceptAudit(await getDb(), actor, conceptId, {}));
  }
  const format = await getFormatter();
  const tAll = (await getTranslations()) as unknown as Translate;
  const query = new URLSearchParams(
    Object.entries({ kategorie: sp.kategorie, person: sp.person, von: sp.von, bis: sp.bis }).filter(([, v]) => v) as [
      string,
      string,
    ][],
  );
  return (
    <main id="inhalt" className="mx-auto max-w-7xl px-6 py-10">
      <p className="text-sm">
        {result.readsConcept ? (
          <Link href={`/konzepte/${conceptId}`}>{result.concept.title}</Link>
        ) : (
          result.concept.title
        )}
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      {result.breakGlassUntil ? (
        <p role="status" className="mt-4 max-w-3xl rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold">
          {t("breakGlassOpen", { until: format.dateTime(result.breakGlassUntil, { timeStyle: "short" }) })}
        </p>
      ) : null}
      <BackupLink conceptId={conceptId} />
      <form
        method="get"
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
        aria-label={t("filter")}
      >
        <div className="flex flex-col">
          <label htmlFor="kategorie" className="text-sm font-semibold">
            {t("category")}
          </label>
          <select
            id="kategorie"
            name="kategorie"
            defaultValue={filter.category ?? ""}
            className="rounded-md border border-muted bg-white px-2 py-1.5"
          >
            <option value="">{t("all")}</option>
            {AUDIT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="person" className="text-sm font-semibold">
            {t("person")}
          </label>
          <select
            id="person"
            name="person"
            defaultValue={filter.actorId ?? ""}
            className="rounded-md border border-muted bg-white px-2 py-1.5"
          >
            <option value="">{t("all")}</option>
            {result.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="von" className="text-sm font-semibold">
            {t("from")}
          </label>
          <input
            id="von"
            name="von"
            type="date"
            defaultValue={sp.von ?? ""}
            className="rounded-md border border-muted px-2 py-1"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor="bis" className="text-sm font-semibold">
            {t("to")}
          </label>
          <input
            id="bis"
            name="bis"
            type="date"
            defaultValue={sp.bis ?? ""}
            className="rounded-md border border-muted px-2 py-1"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
        <a href={`/api/concepts/${conceptId}/audit?${query}`} className={buttonClass("ghost", "underline")} download>
          {t("csv")}
        </a>
      </form>
      {error ? (
        <p role="alert" className="mt-4 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <ScrollBox label={t("caption")} className="mt-4 rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-canvas">
            <tr>
              {[t("seq"), t("time"), t("person"), t("event")].map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map(({ event, actorName, organisationName }) => (
              <tr key={event.seq} className="border-t border-line align-top">
                <td className="px-3 py-2 font-mono">{event.seq}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {format.dateTime(event.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
                </td>
                <td className="px-3 py-2">
                  {actorName ?? t("system")}
                  {organisationName ? <span className="block text-muted">{organisationName}</span> : null}
                </td>
                <td className="max-w-2xl px-3 py-2">
                  <p className="[overflow-wrap:anywhere]">
                    {describeAuditEvent(
                      event,
                      {
                        actor: actorName ?? t("system"),
                        sectionTitles: result.sectionTitles,
                        organisationNames: result.organisationNames,
                      },
                      tAll,
                    )}
                  </p>
                  <details className="mt-1 text-muted">
                    <summary className="cursor-pointer text-xs" aria-label={t("rawLabel", { seq: event.seq })}>
                      {t("raw")}
                    </summary>
                    <p className="mt-1 font-mono text-xs">{event.action}</p>
                    <pre className="mt-1 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">
                      {JSON.stringify(event.summary, null, 2)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {result.nextBefore ? (
        <p className="mt-4">
          <Link href={`?${new URLSearchParams([...query.entries(), ["vor", String(result.nextBefore)]])}`}>
            {t("older")}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
