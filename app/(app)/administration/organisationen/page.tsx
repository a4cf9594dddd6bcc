import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { IllustrativeMark } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { ORGANISATION_KINDS, type OrganisationKind } from "@/lib/organisations/organisation-schemas";
import { OrganisationForm } from "./organisation-form";
import { ScrollBox } from "@/components/ui/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgAdmin"))("title") };
}

type Props = { searchParams: Promise<{ q?: string; art?: string }> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { q, art } = await searchParams;
  const kind = ORGANISATION_KINDS.includes(art as OrganisationKind) ? (art as OrganisationKind) : undefined;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const rows = await orNotFound(listOrganisations(await getDb(), actor, { q: query, kind }));
  const t = await getTranslations("orgAdmin");
  const tk = await getTranslations("orgKind");
  const tc = await getTranslations("classification");
  return (
    <ClientMessages namespaces={["orgAdmin", "orgKind", "classification", "form"]}>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="org-list">
          <h2 id="org-list" className="sr-only">
            {t("listTitle")}
          </h2>
          <form
            role="search"
            aria-label={t("searchLabel")}
            className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4"
          >
            <div className="flex grow flex-col gap-1">
              <label htmlFor="org-q" className="font-semibold">
                {t("search")}
              </label>
              <input
                id="org-q"
                name="q"
                type="search"
                defaultValue={query}
                className="rounded-md border border-muted px-3 py-2"
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="org-art" className="font-semibold">
                {t("kind")}
              </label>
              <select
                id="org-art"
                name="art"
                defaultValue={kind ?? ""}
                className="rounded-md border border-muted bg-white px-3 py-2"
              >
                <option value="">{t("allKinds")}</option>
                {ORGANISATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tk(k)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              {t("searchSubmit")}
            </button>
          </form>
          <p className="mt-4 text-sm text-muted" role="status">
            {t("resultCount", { count: rows.length })}
          </p>
          <ScrollBox label={t("tableCaption")} className="mt-2 rounded-lg border border-line bg-white">
            <table className="w-full text-left">
              <caption className="sr-only">{t("tableCaption")}</caption>
              <thead>
                <tr className="border-b border-line text-sm text-muted">
                  <th scope="col" className="px-4 py-2">
                    {t("name")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("kind")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    {t("members")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("status")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id} className="border-b border-line last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/administration/organisationen/${o.id}`} className="font-semibold">
                        {o.name}
                      </Link>
                      <span className="text-muted"> ({o.shortName})</span>
                      <IllustrativeMark show={o.illustrative} />
                    </td>
                    <td className="px-4 py-3">
                      {tk(o.kind)}
                      {o.classification ? <span className="text-muted"> · {tc(o.classification)}</span> : null}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{o.memberCount}</td>
                    <td className="px-4 py-3">
                      {o.active ? <Badge tone="ok">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
        <section aria-labelledby="org-new" className="self-start rounded-lg border border-line bg-white p-6">
          <h2 id="org-new" className="mb-4 text-xl font-bold">
            {t("newTitle")}
          </h2>
          <OrganisationForm />
        </section>
      </div>
    </ClientMessages>
  );
}
