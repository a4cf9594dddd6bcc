import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { LiveVersion } from "@/components/editor/live-version";
import { SectionEditorLoader } from "@/components/editor/section-editor-loader";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionForEditing } from "@/lib/sections/get-section-for-editing";
import { decideOrganisationSuggestionsAction, decideSuggestionAction } from "./suggestion-actions";

const SUGGESTION_ACTIONS = { decide: decideSuggestionAction, decideOrganisation: decideOrganisationSuggestionsAction };

type Props = {
  params: Promise<{ conceptId: string; sectionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page share one load per request (React cache), not two.
async function load(params: Props["params"]) {
  const { conceptId, sectionId } = await params;
  return loadForEditing(conceptId, sectionId);
}

const loadForEditing = cache(async (conceptId: string, sectionId: string) => {
  const actor = await requireActor();
  const data = await orNotFound(
    (async () =>
      getSectionForEditing(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)))(),
  );
  return { actor, ...data };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept, section } = await load(params);
  const t = await getTranslations("editor");
  return { title: `${t("pageTitle", { title: section.title })} · ${concept.title}` };
}

/** The only page that loads the editor bundle; everybody else reads server-rendered HTML. */
export default async function EditSectionPage({ params, searchParams }: Props) {
  const { actor, concept, section, content, refusal, mode, suggestions } = await load(params);
  const { modus } = await searchParams;
  const t = await getTranslations("editor");
  const ts = await getTranslations("section");
  const base = `/konzepte/${concept.id}`;
  const readHref = `${base}/abschnitte/${section.id}`;
  const label = section.number ? `${section.number}. ${section.title}` : section.title;

  return (
    <ClientMessages namespaces={["editor", "presence", "linkDialog", "toolbar", "suggestions"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <Breadcrumb items={[{ label: concept.title, href: base }, { label, href: readHref }, { label: t("crumb") }]} />
        <h1 className="mt-4 text-3xl font-bold">{t("heading", { section: label })}</h1>
        <p className="mt-2 text-muted">
          {ts("owner", { name: section.ownerName })} · <LiveVersion sectionId={section.id} initial={section.version} />{" "}
          ·{" "}
          <Link href={`${readHref}/verlauf`} className="underline">
            {ts("history")}
          </Link>
        </p>
        {refusal === "no-right" || refusal === "archived" || !content ? (
          <div className="mt-6 rounded-lg border border-line bg-white p-6">
            <p className="font-semibold">{ts(`refusal.${refusal ?? "no-right"}`, { owner: section.ownerName })}</p>
            <p className="mt-3">
              <Link href={readHref}>{t("toReadView")}</Link>
            </p>
          </div>
        ) : (
          // Who may read but not write (another organisation's section, a frozen concept) follows the live text.
          <SectionEditorLoader
            conceptId={concept.id}
            sectionId={section.id}
            userId={actor.id}
            userName={actor.name}
            organisation={actor.organisations.map((o) => o.name).join(", ") || null}
            sectionLabel={label}
            mode={mode}
            readOnlyReason={refusal ? ts(`refusal.${refusal}`, { owner: section.ownerName }) : null}
            suggestReason={t("suggestReason", { owner: section.ownerName })}
            startSuggesting={modus === "vorschlagen"}
            readHref={readHref}
            known={Object.fromEntries(
              suggestions.map((s) => [
                s.id,
                {
                  authorName: s.authorName,
                  organisation: s.organisation,
                  organisationId: s.organisationId,
                  createdAt: s.createdAt.toISOString(),
                },
              ]),
            )}
            people={Object.fromEntries(
              suggestions.map((s) => [s.authorId, { name: s.authorName, organisation: s.organisation }]),
            )}
            suggestionActions={SUGGESTION_ACTIONS}
          />
        )}
      </main>
    </ClientMessages>
  );
}
