import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumb } from "@/components/breadcrumb";
import { RestoreRevisionForm } from "@/components/history/restore-revision-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionRevision } from "@/lib/sections/get-section-revision";
import { restoreRevisionAction } from "../actions";

type Props = { params: Promise<{ conceptId: string; sectionId: string; number: string }> };
const ZNumber = z.coerce.number().int().min(1).max(1_000_000);

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId, sectionId, number } = await params;
  const parsed = ZNumber.safeParse(number);
  if (!parsed.success) notFound();
  return orNotFound(
    (async () =>
      getSectionRevision(
        await getDb(),
        actor,
        parseIdOrNotFound(conceptId),
        parseIdOrNotFound(sectionId),
        parsed.data,
      ))(),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept, section, revision } = await load(params);
  const t = await getTranslations("history");
  return { title: `${t("revisionPageTitle", { title: section.title, number: revision.number })} · ${concept.title}` };
}

export default async function RevisionPage({ params }: Props) {
  const { concept, section, revision, isCurrent, mayRestore, takenBack } = await load(params);
  const t = await getTranslations("history");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;
  const label = section.number ? `${section.number}. ${section.title}` : section.title;

  return (
    <ClientMessages namespaces={["history"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <Breadcrumb
          items={[
            { label: concept.title, href: base },
            { label, href: section.archivedAt ? undefined : here },
            { label: t("crumb"), href: `${here}/verlauf` },
            { label: t("versionCrumb", { number: revision.number }) },
          ]}
        />
        <h1 className="mt-4 text-3xl font-bold">{t("revisionHeading", { number: revision.number })}</h1>
        <p className="mt-1 text-lg">{label}</p>
        <p className="mt-2 text-muted">
          {t("revisionMeta", {
            number: revision.number,
            when: format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" }),
            name: revision.authorName ?? "—",
            organisation: revision.organisationName ?? "—",
          })}
          {revision.restoredFromNumber !== null
            ? ` · ${t("restoredFrom", { number: revision.restoredFromNumber })}`
            : revision.note
              ? ` · „${revision.note}“`
              : ""}
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          {isCurrent ? (
            <p className="font-semibold">{t("isCurrent")}</p>
          ) : (
            <Link href={`${here}/verlauf/vergleich?von=${revision.number}&bis=${section.version}`}>
              {t("compareWithCurrent", { current: section.version })}
            </Link>
          )}
          <Link href={`${here}/verlauf`}>{t("backToHistory")}</Link>
        </div>
        {mayRestore ? (
          <RestoreRevisionForm
            action={restoreRevisionAction}
            conceptId={concept.id}
            sectionId={section.id}
            sectionLabel={label}
            number={revision.number}
            baseVersion={section.version}
            takenBack={takenBack}
          />
        ) : null}
        <article aria-labelledby="versionsinhalt" className="mt-6 rounded-lg border border-line bg-white p-8">
          <h2 id="versionsinhalt" className="sr-only">
            {t("contentOf", { number: revision.number })}
          </h2>
          {revision.html ? (
            <div className="rich-text" dangerouslySetInnerHTML={{ __html: revision.html }} />
          ) : (
            <p>{t("emptyRevision")}</p>
          )}
        </article>
      </main>
    </ClientMessages>
  );
}
