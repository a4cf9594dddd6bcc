import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConceptStatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { requireActor } from "@/lib/auth/actor";
import { planningToday } from "@/lib/clock";
import { listMyConcepts } from "@/lib/concepts/list-my-concepts";
import { globalSubjectOf } from "@/lib/permissions/assert-can-globally";
import { canGlobally } from "@/lib/permissions/permissions";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const db = await getDb();
  const demo = await isDemoDataPresent(db);
  const today = planningToday(demo);
  const concepts = await listMyConcepts(db, actor, today);
  const t = await getTranslations("home");
  const tr = await getTranslations("role");
  const tm = await getTranslations("milestone");
  const tp = await getTranslations("planning");
  const format = await getFormatter();
  const isCommitteeOnly = actor.organisations.length > 0 && actor.organisations.every((o) => o.kind === "gremium");

  return (
    <main id="inhalt" className="mx-auto max-w-6xl px-6 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {canGlobally("concept.create", globalSubjectOf(actor)) ? (
          <Link href="/konzepte/neu" className={buttonClass("primary", "no-underline hover:text-white")}>
            {t("newConcept")}
          </Link>
        ) : null}
      </div>
      {demo ? <p className="mt-2 text-sm text-muted">{t("asOf", { date: new Date(`${today}T12:00:00Z`) })}</p> : null}
      {concepts.length === 0 ? (
        <p className="mt-8 rounded-lg border border-line bg-white p-6 text-lg">
          {isCommitteeOnly ? t("emptyCommittee") : t("empty")}
        </p>
      ) : (
        <ul className="mt-8 grid gap-4" aria-label={t("tableCaption")}>
          {concepts.map((c) => (
            <li key={c.id} className="rounded-lg border border-line bg-white p-6 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div>
                  <h2 className="text-xl font-bold">
                    <Link href={c.entry === "lesesaal" ? `/konzepte/${c.id}/lesesaal` : `/konzepte/${c.id}`}>
                      {c.title}
                    </Link>
                  </h2>
                  <p className="mt-1 text-muted">{t("reference", { reference: c.mandateReference })}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ConceptStatusBadge status={c.status} />
                  {c.planState !== "im_plan" ? (
                    <Badge tone={c.planState === "ueberfaellig" ? "danger" : "warn"}>
                      {tp(`state.${c.planState}`)}
                    </Badge>
                  ) : null}
                </div>
              </div>
              <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-3">
                <div>
                  <dt className="text-sm text-muted">{t("role")}</dt>
                  <dd className="font-semibold">{tr(c.role)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-muted">{t("deadline")}</dt>
                  <dd className="font-semibold">
                    {format.dateTime(new Date(`${c.deadline}T12:00:00Z`), { dateStyle: "long" })}
                  </dd>
                </div>
                {c.next ? (
                  <div>
                    <dt className="text-sm text-muted">{t("next")}</dt>
                    <dd className="font-semibold">
                      {tm(c.next.kind, { committee: c.next.committee ?? "" })}:{" "}
                      {format.dateTime(new Date(`${c.next.date}T12:00:00Z`), { dateStyle: "medium" })}{" "}
                      <Badge tone={c.next.overdue ? "danger" : c.next.daysLeft <= 14 ? "warn" : "neutral"}>
                        {c.next.overdue
                          ? t("overdue", { days: -c.next.daysLeft })
                          : t("daysLeft", { days: c.next.daysLeft })}
                      </Badge>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
