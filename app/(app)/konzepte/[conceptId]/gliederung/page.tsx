import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { ConceptTabs } from "@/components/concept-tabs";
import { ClientMessages } from "@/components/intl/client-messages";
import { AddSectionForm } from "@/components/outline/add-section-form";
import { MoveButtons } from "@/components/outline/move-buttons";
import { RestoreSectionForm } from "@/components/outline/restore-section-form";
import { SectionSettings } from "@/components/outline/section-settings";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionOutline } from "@/lib/sections/get-section-outline";
import {
  addSectionAction,
  moveSectionAction,
  removeSectionAction,
  renameSectionAction,
  restoreSectionAction,
  setSectionMandateItemsAction,
  setSectionOwnerAction,
} from "./actions";

type Props = { params: Promise<{ conceptId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId } = await params;
  return orNotFound((async () => getSectionOutline(await getDb(), actor, parseIdOrNotFound(conceptId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("outline");
  return { title: `${t("title")} · ${(await load(params)).concept.title}` };
}

/** The lead arranges the outline here; everybody else sees that only the lead may. */
export default async function OutlinePage({ params }: Props) {
  const outline = await load(params);
  const { concept, sections, archived, mandateItems, owners, mayManage } = outline;
  const t = await getTranslations("outline");
  const ts = await getTranslations("section");
  const base = `/konzepte/${concept.id}`;
  const itemNumber = (id: string) => mandateItems.findIndex((m) => m.id === id) + 1;
  const settingsActions = {
    rename: renameSectionAction,
    owner: setSectionOwnerAction,
    items: setSectionMandateItemsAction,
    remove: removeSectionAction,
  };

  return (
    <ClientMessages namespaces={["outline"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <Breadcrumb items={[{ label: concept.title, href: base }, { label: t("title") }]} />
        <h1 className="mt-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{mayManage ? t("intro") : t("leadOnly")}</p>
        <ConceptTabs conceptId={concept.id} current="outline" showOutline />

        <section aria-labelledby="abschnitte" className="mt-8">
          <h2 id="abschnitte" className="text-xl font-bold">
            {t("sectionsTitle", { count: sections.length })}
          </h2>
          <ol className="mt-4 space-y-4">
            {sections.map((s, i) => (
              <li key={s.id} className="rounded-lg border border-line bg-white p-5">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h3 className="text-lg font-bold">
                      <span>{s.number}.</span>{" "}
                      <Link href={`${base}/abschnitte/${s.id}`} className="text-ink">
                        {s.title}
                      </Link>
                    </h3>
                    <p className="text-sm text-muted">
                      {ts("owner", { name: s.ownerName })} ·{" "}
                      {s.mandateItemIds.length
                        ? t("covers", {
                            items: s.mandateItemIds
                              .map(itemNumber)
                              .sort((a, b) => a - b)
                              .join(", "),
                          })
                        : t("coversNothing")}
                    </p>
                  </div>
                  {mayManage ? (
                    <MoveButtons
                      action={moveSectionAction}
                      conceptId={concept.id}
                      sectionId={s.id}
                      title={s.title}
                      isFirst={i === 0}
                      isLast={i === sections.length - 1}
                    />
                  ) : null}
                </div>
                {mayManage ? (
                  <details className="mt-3">
                    <summary className="cursor-pointer font-semibold text-brand">
                      {t("settings", { title: s.title })}
                    </summary>
                    <SectionSettings
                      conceptId={concept.id}
                      section={s}
                      owners={owners}
                      mandateItems={mandateItems}
                      actions={settingsActions}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </section>

        {mayManage ? (
          <section aria-labelledby="hinzufuegen" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="hinzufuegen" className="text-xl font-bold">
              {t("addTitle")}
            </h2>
            <AddSectionForm action={addSectionAction} conceptId={concept.id} owners={owners} />
          </section>
        ) : null}

        {archived.length ? (
          <section aria-labelledby="entfernt" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="entfernt" className="text-xl font-bold">
              {t("archivedTitle")}
            </h2>
            <ul className="mt-4 space-y-3">
              {archived.map((s) => (
                <li
                  key={s.id}
                  className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3 last:border-0"
                >
                  <span>
                    {s.title} <span className="text-sm text-muted">· {ts("owner", { name: s.ownerName })}</span> ·{" "}
                    <Link href={`${base}/abschnitte/${s.id}/verlauf`} aria-label={t("historyOf", { title: s.title })}>
                      {ts("history")}
                    </Link>
                  </span>
                  {mayManage ? (
                    <RestoreSectionForm
                      action={restoreSectionAction}
                      conceptId={concept.id}
                      sectionId={s.id}
                      title={s.title}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
