import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { ClientMessages } from "@/components/intl/client-messages";
import { ProposalEditorLoader } from "@/components/proposals/proposal-editor-loader";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionForProposing } from "@/lib/proposals/get-proposal";
import { getConceptTitle } from "@/lib/concepts/get-concept-title";

type Props = { params: Promise<{ conceptId: string; sectionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titled(params, (await getTranslations("proposals"))("newTitle"));
}

/** The page's name and the concept's: pages of two concepts would otherwise share a title. */
async function titled(params: Promise<{ conceptId: string }>, name: string): Promise<Metadata> {
  const actor = await requireActor();
  const { conceptId } = await params;
  const concept = await orNotFound((async () => getConceptTitle(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  return { title: `${name} · ${concept}` };
}

export default async function ProposePage({ params }: Props) {
  const actor = await requireActor();
  const { conceptId, sectionId } = await params;
  const { concept, section } = await orNotFound(
    (async () =>
      getSectionForProposing(await getDb(), actor, parseIdOrNotFound(conceptId), parseIdOrNotFound(sectionId)))(),
  );
  const t = await getTranslations("proposals");
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;
  return (
    <ClientMessages namespaces={["editor", "proposals", "linkDialog", "toolbar", "diff"]}>
      <main id="inhalt" className="mx-auto w-full max-w-5xl px-6 py-10">
        <Breadcrumb
          items={[{ label: concept.title, href: base }, { label: section.title, href: here }, { label: t("newTitle") }]}
        />
        <h1 className="mt-4 text-3xl font-bold">{t("newHeading", { title: section.title })}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("newIntro")}</p>
        <ProposalEditorLoader
          mode="propose"
          endpoint={`/api/concepts/${concept.id}/sections/${section.id}/proposals`}
          doneHref={`${here}/vorschlaege`}
          initialContent={section.content}
          baseVersion={section.version}
          label={t("editorLabel", { title: section.title })}
        />
      </main>
    </ClientMessages>
  );
}
