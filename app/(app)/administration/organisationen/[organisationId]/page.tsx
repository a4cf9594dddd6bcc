import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getOrganisationForAdmin } from "@/lib/organisations/get-organisation-for-admin";
import { setOrganisationActiveAction } from "../actions";
import { ActiveToggle } from "@/components/forms/active-toggle";
import { OrganisationForm } from "../organisation-form";
import { DeputyPanel } from "@/components/workflow/deputy-forms";
import { listDeputies } from "@/lib/organisations/signoff-deputies";
import { nameDeputyAction, removeDeputyAction } from "@/app/(app)/profil/deputy-actions";

type Props = { params: Promise<{ organisationId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { organisationId } = await params;
  return orNotFound((async () => getOrganisationForAdmin(await getDb(), actor, parseIdOrNotFound(organisationId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).organisation.name };
}

export default async function OrganisationPage({ params }: Props) {
  const { organisation, members } = await load(params);
  const t = await getTranslations("orgAdmin");
  const td = await getTranslations("deputies");
  const deputies = organisation.kind === "gremium" ? null : await listDeputies(await getDb(), organisation.id);
  return (
    <ClientMessages namespaces={["orgAdmin", "orgKind", "classification", "form", "deputies"]}>
      <p>
        <Link href="/administration/organisationen">← {t("backToList")}</Link>
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{organisation.name}</h1>
        {organisation.active ? <Badge tone="ok">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="org-edit" className="rounded-lg border border-line bg-white p-6">
          <h2 id="org-edit" className="mb-4 text-xl font-bold">
            {t("editTitle")}
          </h2>
          <OrganisationForm organisation={organisation} />
        </section>
        <div className="flex flex-col gap-8">
          <section aria-labelledby="org-status" className="rounded-lg border border-line bg-white p-6">
            <h2 id="org-status" className="text-xl font-bold">
              {t("statusTitle")}
            </h2>
            <p className="mt-2 mb-4 text-muted">{organisation.active ? t("deactivateHint") : t("inactiveHint")}</p>
            <ActiveToggle
              action={setOrganisationActiveAction}
              idName="organisationId"
              id={organisation.id}
              active={organisation.active}
              texts={{
                deactivate: t("deactivate"),
                reactivate: t("reactivate"),
                confirmTitle: t("confirmTitle", { name: organisation.name }),
                confirmText: t("confirmText"),
              }}
            />
          </section>
          {deputies ? (
            <section aria-labelledby="org-deputies" className="rounded-lg border border-line bg-white p-6">
              <h2 id="org-deputies" className="text-xl font-bold">
                {td("title")}
              </h2>
              <p className="mt-2 text-muted">{td("intro")}</p>
              <DeputyPanel
                organisationId={organisation.id}
                organisationName={organisation.name}
                deputies={deputies}
                nameAction={nameDeputyAction}
                removeAction={removeDeputyAction}
              />
            </section>
          ) : null}
          <section aria-labelledby="org-members" className="rounded-lg border border-line bg-white p-6">
            <h2 id="org-members" className="text-xl font-bold">
              {t("membersTitle", { count: members.length })}
            </h2>
            {members.length === 0 ? (
              <p className="mt-2 text-muted">{t("noMembers")}</p>
            ) : (
              <ul className="mt-3 space-y-1">
                {members.map((m) => (
                  <li key={m.id}>
                    <Link href={`/administration/personen/${m.id}`}>{m.name}</Link>{" "}
                    <span className="text-muted">· {m.email}</span>
                    {m.active ? null : (
                      <>
                        {" "}
                        <Badge>{t("inactive")}</Badge>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </ClientMessages>
  );
}
