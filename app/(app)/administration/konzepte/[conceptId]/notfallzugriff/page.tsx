import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { getBreakGlassTarget } from "@/lib/concepts/get-break-glass-target";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { BreakGlassForm } from "./break-glass-form";

type Props = { params: Promise<{ conceptId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("breakGlass"))("title") };
}

/** Administration → Konzepte → Notfallzugriff: the one way an admin reaches a concept's backup and Protokoll. */
export default async function BreakGlassPage({ params }: Props) {
  const actor = await requireActor();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const target = await orNotFound(getBreakGlassTarget(await getDb(), actor, conceptId));
  const t = await getTranslations("breakGlass");
  return (
    <ClientMessages namespaces={["breakGlass"]}>
      <p className="text-sm">
        <Link href="/administration/konzepte">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-muted">
        {target.title} · {target.mandateReference}
      </p>
      <div className="mt-6 max-w-3xl rounded-lg border border-line bg-white p-6">
        <p>{t("intro")}</p>
        <ul className="mt-3 list-disc pl-6 text-sm">
          <li>{t("ruleScope", { minutes: target.minutes })}</li>
          <li>{t("ruleLead", { leads: target.leads ?? t("noLead") })}</li>
          <li>{t("ruleAudit")}</li>
        </ul>
        {target.openUntil ? (
          <p role="status" className="mt-4 rounded-md border border-line bg-canvas p-3 font-semibold">
            {t("alreadyOpen")} <Link href={`/konzepte/${conceptId}/protokoll`}>{t("toAudit")}</Link>
          </p>
        ) : null}
        <BreakGlassForm conceptId={conceptId} />
      </div>
    </ClientMessages>
  );
}
