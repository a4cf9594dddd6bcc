import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { listOrganisationOptions } from "@/lib/organisations/list-organisations";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { UserForm } from "../user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("userAdmin"))("newTitle") };
}

export default async function NewPersonPage() {
  const actor = await requireActor();
  const organisations = await orNotFound(
    (async () => {
      assertCanGlobally(actor, "admin.users");
      return listOrganisationOptions(await getDb());
    })(),
  );
  const t = await getTranslations("userAdmin");
  return (
    <ClientMessages namespaces={["userAdmin", "orgKind", "form"]}>
      <p>
        <Link href="/administration/personen">← {t("backToList")}</Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold">{t("newTitle")}</h1>
      <section className="mt-6 max-w-3xl rounded-lg border border-line bg-white p-6" aria-label={t("newTitle")}>
        <UserForm organisations={organisations} />
      </section>
    </ClientMessages>
  );
}
