import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { DiffLegend, DiffText } from "@/components/diff/diff-text";
import { ClientMessages } from "@/components/intl/client-messages";
import { ProposalEditorLoader } from "@/components/proposals/proposal-editor-loader";
import { AcceptForm, ProposalDecisionForm, RejectForm, WithdrawForm } from "@/components/proposals/proposal-forms";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getProposal } from "@/lib/proposals/get-proposal";
import { acceptProposalAction, decideProposalAction, rejectProposalAction, withdrawProposalAction } from "./actions";
import { getConceptTitle } from "@/lib/concepts/get-concept-title";

type Props = { params: Promise<{ conceptId: string; sectionId: string; proposalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titled(params, (await getTranslations("proposals"))("detailTitle"));
}

/** The page's name and the concept's: pages of two concepts would otherwise share a title. */
async function titled(params: Promise<{ conceptId: string }>, name: string): Promise<Metadata> {
  const actor = await requireActor();
  const { conceptId } = await params;
  const concept = await orNotFound((async () => getConceptTitle(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  return { title: `${name} · ${concept}` };
}

export default async function ProposalPage({ params }: Props) {
  const actor = await requireActor();
  const p = await params;
  const data = await orNotFound(
    (async () =>
      getProposal(
        await getDb(),
        actor,
        parseIdOrNotFound(p.conceptId),
        parseIdOrNotFound(p.sectionId),
        parseIdOrNotFound(p.proposalId),
      ))(),
  );
  const { concept, section, proposal } = data;
  const t = await getTranslations("proposals");
  const ta = await getTranslations("abwaegung");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;
  const here = `${base}/abschnitte/${section.id}`;
  const ctx = {
    conceptId: concept.id,
    proposalId: proposal.id,
    actions: {
      accept: acceptProposalAction,
      reject: rejectProposalAction,
      withdraw: withdrawProposalAction,
      decide: decideProposalAction,
    },
  };
  return (
    <ClientMessages namespaces={["proposals", "comments", "abwaegung", "editor", "linkDialog", "toolbar", "diff"]}>
      <main id="inhalt" className="mx-auto w-full max-w-5xl px-6 py-10">
        <Breadcrumb
          items={[
            { label: concept.title, href: base },
            { label: section.title, href: here },
            { label: t("detailTitle") },
          ]}
        />
        <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
          <h1 className="text-3xl font-bold">{t("detailHeading", { title: section.title })}</h1>
          <Badge tone={proposal.status === "open" ? "info" : proposal.status === "accepted" ? "ok" : "neutral"}>
            {t(`status.${proposal.status}`)}
          </Badge>
        </div>
        <p className="mt-2 text-muted">
          {t("by", {
            name: proposal.proposerName,
            organisation: proposal.organisationName ?? "—",
            date: proposal.createdAt,
          })}{" "}
          · {t("basedOn", { number: proposal.baseNumber })}
        </p>
        <section aria-labelledby="begruendung" className="mt-6 rounded-lg border border-line bg-white p-6">
          <h2 id="begruendung" className="text-lg font-bold">
            {t("reason")}
          </h2>
          <p className="mt-2 whitespace-pre-line">{proposal.reason}</p>
          {proposal.decision ? (
            <p className="mt-4 rounded-md bg-canvas p-3">
              <strong>{t("decisionLine", { decision: ta(proposal.decision) })}</strong>
              {proposal.deciderName ? ` (${proposal.deciderName})` : null}: {proposal.decisionReason}
              {proposal.resultNumber ? (
                <>
                  {" "}
                  <Link href={`${here}/verlauf/${proposal.resultNumber}`}>
                    {t("resultVersion", { number: proposal.resultNumber })}
                  </Link>
                </>
              ) : null}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="aenderungen" className="mt-6 rounded-lg border border-line bg-white p-6">
          <h2 id="aenderungen" className="text-lg font-bold">
            {t("changes", { number: proposal.baseNumber })}
          </h2>
          <div className="mt-2">
            <DiffLegend />
          </div>
          <div className="mt-4">
            <DiffText parts={data.parts} label={t("changes", { number: proposal.baseNumber })} collapse />
          </div>
        </section>
        {data.may.decideEdit ? (
          <section aria-labelledby="entscheiden" className="mt-6 rounded-lg border border-line bg-white p-6">
            <h2 id="entscheiden" className="text-lg font-bold">
              {t("decideTitle")}
            </h2>
            {data.stale ? (
              <>
                <p className="mt-2 rounded-md border border-[#f0d3a1] bg-[#fdf2e0] p-3 font-semibold text-warn">
                  {t("staleNotice", { version: section.version })}
                </p>
                <h3 className="mt-4 font-bold">{t("currentToProposal")}</h3>
                <div className="mt-2">
                  <DiffText parts={data.currentParts ?? []} label={t("currentToProposal")} collapse />
                </div>
                <h3 className="mt-6 font-bold">{t("reconcileTitle")}</h3>
                <p className="text-muted">{t("reconcileIntro")}</p>
                <ProposalEditorLoader
                  mode="reconcile"
                  endpoint={`/api/concepts/${concept.id}/sections/${section.id}/proposals/${proposal.id}/accept`}
                  doneHref={`${here}/vorschlaege/${proposal.id}`}
                  initialContent={proposal.content}
                  baseVersion={section.version}
                  label={t("reconcileLabel", { title: section.title })}
                  intervening={
                    data.intervening ? { proposalBase: proposal.baseNumber, changes: data.intervening } : null
                  }
                />
              </>
            ) : (
              <div className="mt-4">
                <AcceptForm ctx={ctx} baseVersion={proposal.baseVersion} />
              </div>
            )}
            <div className="mt-6">
              <RejectForm ctx={ctx} />
            </div>
          </section>
        ) : null}
        <div className="mt-6 flex flex-wrap items-start gap-4">
          {data.may.withdraw ? <WithdrawForm ctx={ctx} /> : null}
          {data.may.abwaegung ? (
            <ProposalDecisionForm
              ctx={ctx}
              current={{ decision: proposal.decision, reason: proposal.decisionReason }}
            />
          ) : null}
        </div>
        <p className="mt-8">
          <Link href={here}>{t("back")}</Link>
        </p>
        <p className="sr-only">{format.dateTime(proposal.createdAt)}</p>
      </main>
    </ClientMessages>
  );
}
