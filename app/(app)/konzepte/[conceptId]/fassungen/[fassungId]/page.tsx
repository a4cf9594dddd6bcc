import { ExportLinks } from "@/components/export-links";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { getFassung } from "@/lib/fassungen/get-fassung";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";

type Props = { params: Promise<{ conceptId: string; fassungId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId, fassungId } = await params;
  return orNotFound(
    (async () => getFassung(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(fassungId)))(),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept, fassung } = await load(params);
  return { title: `${fassung.name} · ${concept.title}` };
}

/** A Fassung read as one document, as the committees and Träger would see it. */
export default async function FassungPage({ params }: Props) {
  const { concept, fassung, sections } = await load(params);
  const t = await getTranslations("fassungen");
  const ts = await getTranslations("section");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;

  return (
    <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
      <Breadcrumb
        items={[
          { label: concept.title, href: base },
          { label: t("title"), href: `${base}/fassungen` },
          { label: fassung.name },
        ]}
      />
      <p className="mt-4 text-muted">{concept.mandateReference}</p>
      <h1 className="mt-1 text-3xl font-bold">{fassung.name}</h1>
      <p className="mt-1 text-lg">{concept.title}</p>
      <ExportLinks conceptId={concept.id} version={fassung.id} />
      <p className="mt-2 text-muted">
        {t("frozenMeta", {
          when: format.dateTime(fassung.createdAt, { dateStyle: "long", timeStyle: "short" }),
          name: fassung.createdByName ?? "—",
          count: sections.length,
        })}
      </p>
      <p className="mt-3">
        <Link href={`${base}/fassungen/vergleich?von=${fassung.id}&bis=aktuell`}>{t("compareWithCurrent")}</Link>
      </p>
      <nav aria-labelledby="inhaltsverzeichnis" className="mt-6 rounded-lg border border-line bg-white p-6">
        <h2 id="inhaltsverzeichnis" className="text-xl font-bold">
          {t("contents")}
        </h2>
        <ol className="mt-3 space-y-1">
          {sections.map((s) => (
            <li key={s.sectionId}>
              <a href={`#abschnitt-${s.number}`}>
                {s.number}. {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article aria-label={fassung.name} className="mt-8 rounded-lg border border-line bg-white p-8">
        {sections.map((s) => (
          <section key={s.sectionId} aria-labelledby={`abschnitt-${s.number}`} className="mb-10 last:mb-0">
            <h2 id={`abschnitt-${s.number}`} className="text-2xl font-bold">
              {s.number}. {s.title}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {ts("owner", { name: s.ownerName })}
              {s.revisionNumber ? ` · ${ts("revision", { number: s.revisionNumber })}` : ""}
            </p>
            <div className="mt-4">
              {s.html ? (
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: s.html }} />
              ) : (
                <p className="text-muted">{ts("empty")}</p>
              )}
            </div>
          </section>
        ))}
      </article>
    </main>
  );
}
