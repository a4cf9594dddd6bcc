import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConceptTabs } from "@/components/concept-tabs";
import { ClientMessages } from "@/components/intl/client-messages";
import { ConceptStatusBadge } from "@/components/status-badge";
import { RequiredSignoffsForm, SignoffForm } from "@/components/workflow/signoff-forms";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSignoffOverview, type RoundView } from "@/lib/workflow/get-signoff-overview";
import { setRequiredSignoffsAction, signOffAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId } = await params;
  const id = parseIdOrNotFound(conceptId);
  return orNotFound((async () => ({ overview: await getSignoffOverview(await getDb(), actor, id) }))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("signoff");
  const { overview } = await load(params);
  return { title: `${t("title")} – ${overview.title}` };
}

export default async function MitzeichnungPage({ params }: Props) {
  const { conceptId } = await params;
  const { overview } = await load(params);
  const t = await getTranslations("signoff");
  return (
    <ClientMessages namespaces={["signoff", "form"]}>
      <main id="inhalt" className="mx-auto max-w-6xl px-6 py-10">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-muted">{overview.title}</p>
            <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
          </div>
          <ConceptStatusBadge status={overview.status} />
        </div>
        <ConceptTabs conceptId={conceptId} current="mitzeichnung" showOutline={overview.mayManage} />
        <p className="mt-6 max-w-3xl">{t("intro")}</p>

        <section aria-labelledby="mitzeichnende" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="mitzeichnende" className="text-xl font-bold">
            {t("required")}
          </h2>
          {overview.mayEditRequired && overview.withoutSigner.length ? (
            <ul className="mt-3 list-disc pl-6 text-danger">
              {overview.required
                .filter((o) => overview.withoutSigner.includes(o.id))
                .map((o) => (
                  <li key={o.id}>
                    <strong>{o.name}:</strong> {t("noSignerFlag")}
                  </li>
                ))}
            </ul>
          ) : null}
          {overview.mayEditRequired ? (
            <RequiredSignoffsForm
              action={setRequiredSignoffsAction}
              conceptId={conceptId}
              candidates={overview.candidates}
              selected={overview.required.map((r) => r.id)}
            />
          ) : (
            <>
              <ul className="mt-3 list-disc pl-6">
                {overview.required.map((o) => (
                  <li key={o.id}>
                    {o.name}
                    {overview.withoutSigner.includes(o.id) ? (
                      <span className="ml-2 font-semibold text-danger">{t("noSignerFlag")}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {overview.mayManage ? <p className="mt-3 text-sm text-muted">{t("requiredLocked")}</p> : null}
            </>
          )}
        </section>

        <section aria-labelledby="matrix" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="matrix" className="text-xl font-bold">
            {t("matrix")}
          </h2>
          {overview.openRound ? (
            <>
              <RoundTable conceptId={conceptId} round={overview.openRound} required={overview.required} />
              {overview.signableOrganisations.length ? (
                <SignoffForm
                  action={signOffAction}
                  conceptId={conceptId}
                  roundId={overview.openRound.id}
                  contentHash={overview.openRound.contentHash}
                  organisations={overview.signableOrganisations}
                />
              ) : null}
            </>
          ) : (
            <p className="mt-3">{t("noRound")}</p>
          )}
        </section>

        <section aria-labelledby="verlauf" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="verlauf" className="text-xl font-bold">
            {t("history")}
          </h2>
          {overview.history.length === 0 ? <p className="mt-3">{t("noHistory")}</p> : null}
          {overview.history.map((round) => (
            <RoundTable key={round.id} conceptId={conceptId} round={round} required={[]} />
          ))}
        </section>
      </main>
    </ClientMessages>
  );
}

/** Organisations × status for one round: who, when, remarks and the hash each organisation signed. */
async function RoundTable({
  conceptId,
  round,
  required,
}: {
  conceptId: string;
  round: RoundView;
  required: { id: string; name: string }[];
}) {
  const t = await getTranslations("signoff");
  const format = await getFormatter();
  const rows = [
    ...required.map((o) => ({
      organisationId: o.id,
      organisationName: o.name,
      entry: round.signoffs.find((s) => s.organisationId === o.id) ?? null,
    })),
    ...round.signoffs
      .filter((s) => !required.some((o) => o.id === s.organisationId))
      .map((s) => ({ organisationId: s.organisationId, organisationName: s.organisationName, entry: s })),
  ];
  const headingId = `round-${round.id}`;
  return (
    <div className="mt-5">
      <h3 id={headingId} className="text-lg font-bold">
        {t("roundHeading", { number: round.number, fassung: round.fassungName })} · {t(`roundStatus.${round.status}`)}
      </h3>
      {round.voidReason ? <p className="mt-1">{t("voidReason", { reason: round.voidReason })}</p> : null}
      <p className="mt-1 text-sm break-all text-muted">
        {t("hash")}: <code className="break-anywhere">{round.contentHash}</code> ·{" "}
        <Link href={`/konzepte/${conceptId}/fassungen/${round.fassungId}`} className="underline">
          {t("readFassung")}
        </Link>
      </p>
      <ScrollBox labelledBy={headingId} className="mt-3">
        <table className="w-full text-left" aria-labelledby={headingId}>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-2 pr-4">
                {t("organisation")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("state")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("by")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("at")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("remarks")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("hash")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ organisationId, organisationName, entry }) => (
              <tr key={organisationId} className="border-b border-line last:border-0">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  {organisationName}
                </th>
                <td
                  className={`py-2 pr-4 font-semibold ${entry?.decision === "abgelehnt" ? "text-danger" : entry ? "text-ok" : "text-muted"}`}
                >
                  {entry ? t(`decision.${entry.decision}`) : t("pending")}
                </td>
                <td className="py-2 pr-4">
                  {entry
                    ? entry.asDeputy
                      ? t("byDeputy", { name: entry.userName, organisation: organisationName })
                      : entry.userName
                    : "—"}
                </td>
                <td className="py-2 pr-4">
                  {entry ? format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}
                </td>
                <td className="py-2 pr-4">{entry?.remarks ?? "—"}</td>
                <td className="py-2 pr-4">
                  {entry ? <code title={entry.contentHash}>{entry.contentHash.slice(0, 12)}…</code> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
