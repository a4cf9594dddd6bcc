import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConceptStatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { listAllConcepts } from "@/lib/concepts/list-all-concepts";
import { orNotFound } from "@/lib/http/page-guard";
import { ScrollBox } from "@/components/ui/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminConcepts"))("title") };
}

export default async function AdminConceptsPage() {
  const actor = await requireActor();
  const rows = await orNotFound(listAllConcepts(await getDb(), actor));
  const t = await getTranslations("adminConcepts");
  const format = await getFormatter();
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      <ScrollBox label={t("tableCaption")} className="mt-6 rounded-lg border border-line bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="px-4 py-2">
                {t("concept")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("status")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("deadline")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("leads")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-b border-line align-top last:border-0">
                <td className="px-4 py-3">
                  <span className="font-semibold">{c.title}</span>
                  <span className="block text-sm text-muted">{c.mandateReference}</span>
                  <Link
                    href={`/konzepte/${c.id}/beteiligte`}
                    className="text-sm"
                    aria-label={t("participantsOf", { title: c.title })}
                  >
                    {t("participants")}
                  </Link>{" "}
                  ·{" "}
                  <Link
                    href={`/administration/konzepte/${c.id}/notfallzugriff`}
                    className="text-sm"
                    aria-label={t("auditOf", { title: c.title })}
                  >
                    {t("audit")}
                  </Link>
                </td>
                <td className="px-4 py-3">
                  <ConceptStatusBadge status={c.status} />
                </td>
                <td className="px-4 py-3">
                  {format.dateTime(new Date(`${c.deadline}T12:00:00Z`), { dateStyle: "medium" })}
                </td>
                <td className="px-4 py-3">{c.leads ?? <Badge tone="danger">{t("noLead")}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
