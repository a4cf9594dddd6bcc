import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { getNewConceptOptions } from "@/lib/concepts/get-new-concept-options";
import { orNotFound } from "@/lib/http/page-guard";
import { ConceptForm } from "./concept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newConcept"))("pageTitle") };
}

/** Only admins and Verwaltung members granted the right see this page; for everyone else it does not exist. */
export default async function NewConceptPage() {
  const actor = await requireActor();
  const options = await orNotFound((async () => getNewConceptOptions(await getDb(), actor))());
  const t = await getTranslations("newConcept");
  return (
    <ClientMessages namespaces={["newConcept", "form", "consultationRole", "classification"]}>
      <main id="inhalt" className="mx-auto w-full max-w-4xl px-6 py-10">
        <h1 className="text-3xl font-bold">{t("pageTitle")}</h1>
        <p className="mt-2 mb-8 max-w-3xl text-muted">{t("intro")}</p>
        <ConceptForm options={options} />
      </main>
    </ClientMessages>
  );
}
