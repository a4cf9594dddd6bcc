import { ExportLinks } from "@/components/export-links";
import { WorkingTextLink } from "@/components/word/working-text-link";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { ConceptTabs } from "@/components/concept-tabs";
import { CreateFassungForm } from "@/components/fassungen/create-fassung-form";
import { FassungCompareForm } from "@/components/fassungen/fassung-compare-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { listFassungen } from "@/lib/fassungen/list-fassungen";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { createFassungAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId } = await params;
  return orNotFound((async () => listFassungen(await getDb(), actor, parseIdOrNotFound(conceptId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("fassungen");
  return { title: `${t("title")} · ${(await load(params)).concept.title}` };
}

export default async function FassungenPage({ params }: Props) {
  const { concept, fassungen, mayCreate, mayReadDrafts } = await load(params);
  const t = await getTranslations("fassungen");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;

  return (
    <ClientMessages namespaces={["fassungen"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <Breadcrumb items={[{ label: concept.title, href: base }, { label: t("title") }]} />
        <h1 className="mt-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
        <ConceptTabs conceptId={concept.id} current="fassungen" showOutline={mayCreate} />
        <ExportLinks conceptId={concept.id} version="current" />
        {mayReadDrafts ? <WorkingTextLink conceptId={concept.id} /> : null}

        {mayCreate ? (
          <section aria-labelledby="einfrieren" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="einfrieren" className="text-xl font-bold">
              {t("createTitle")}
            </h2>
            <CreateFassungForm action={createFassungAction} conceptId={concept.id} />
          </section>
        ) : null}

        <section aria-labelledby="liste" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="liste" className="text-xl font-bold">
            {t("listTitle")}
          </h2>
          {fassungen.length === 0 ? (
            <p className="mt-4">{t("none")}</p>
          ) : (
            <ScrollBox label={t("caption")} className="mt-4">
              <table className="w-full text-left">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b border-line text-sm text-muted">
                    <th scope="col" className="py-2 pr-4">
                      {t("name")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("frozenAt")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("frozenBy")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("sections")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("actions")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {fassungen.map((f) => (
                    <tr key={f.id} className="border-b border-line last:border-0">
                      <th scope="row" className="py-3 pr-4">
                        <Link href={`${base}/fassungen/${f.id}`} className="font-semibold">
                          {f.name}
                        </Link>
                      </th>
                      <td className="py-3 pr-4">
                        {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      </td>
                      <td className="py-3 pr-4">{f.createdByName ?? "—"}</td>
                      <td className="py-3 pr-4">{f.sectionCount}</td>
                      <td className="py-3 pr-4 text-sm">
                        <Link
                          href={`${base}/fassungen/vergleich?von=${f.id}&bis=aktuell`}
                          aria-label={t("compareWithCurrentLabel", { name: f.name })}
                        >
                          {t("compareWithCurrent")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </section>

        {fassungen.length ? (
          <section aria-labelledby="vergleichen" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="vergleichen" className="text-xl font-bold">
              {t("compareTitle")}
            </h2>
            <FassungCompareForm action={`${base}/fassungen/vergleich`} fassungen={[...fassungen].reverse()} />
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
