import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { DeadlineTimeline } from "@/components/planning/deadline-timeline";
import { ConceptTabs } from "@/components/concept-tabs";
import { ConceptStatusBadge, illustrativeMarks, sectionStatusBadges } from "@/components/status-badge";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { planningToday } from "@/lib/clock";
import { planFor } from "@/lib/planning/get-concept-plan";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { WorkflowPanel } from "@/components/workflow/workflow-panel";
import { BulkSectionStatusForm, SectionStatusForm, SectionStatusMoves } from "@/components/workflow/workflow-forms";
import { workflowStateFor } from "@/lib/workflow/get-workflow-state";
import {
  setPlanningSettingsAction,
  setSectionsStatusAction,
  setSectionStatusAction,
  transitionConceptAction,
} from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string }> };

// generateMetadata and the page share one load per request (React cache), not two.
const loadOverview = cache(async (conceptId: string) => {
  const actor = await requireActor();
  return orNotFound((async () => getConceptOverview(await getDb(), actor, parseIdOrNotFound(conceptId)))());
});

async function load(params: Props["params"]) {
  return loadOverview((await params).conceptId);
}

/** The deadline plan from the Beratungsfolge the overview already loaded. */
async function loadPlan({ concept, consultations }: Awaited<ReturnType<typeof load>>) {
  const folge = consultations.map((c) => ({
    committee: c.committeeShortName,
    meetingDate: c.meetingDate,
    submissionDeadline: c.submissionDeadline,
    outcome: c.outcome,
  }));
  return planFor(concept, folge, planningToday(await isDemoDataPresent(await getDb())));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept } = await load(params);
  return { title: concept.title };
}

const day = (d: string) => new Date(`${d}T12:00:00Z`);

export default async function ConceptOverviewPage({ params }: Props) {
  const overview = await load(params);
  const { concept } = overview;
  const [plan, workflow, tw, t, tr, tcr, tcl, format, statusBadge, illustrative] = await Promise.all([
    loadPlan(overview),
    overview.mayReadWorkflow ? getDb().then((db) => workflowStateFor(db, overview.access)) : null,
    getTranslations("workflow"),
    getTranslations("concept"),
    getTranslations("role"),
    getTranslations("consultationRole"),
    getTranslations("classification"),
    getFormatter(),
    sectionStatusBadges(),
    illustrativeMarks(),
  ]);
  // Labelled here, so the client gets no workflow messages: only the moves that apply now, with their text.
  const countIn = (status: string) => overview.sections.filter((s) => s.status === status).length;
  const bulkMoves = [
    {
      to: "zur_abstimmung",
      label: tw("bulkMove.zur_abstimmung", { count: countIn("entwurf") }),
      count: countIn("entwurf"),
    },
    {
      to: "abgestimmt",
      label: tw("bulkMove.abgestimmt", { count: countIn("zur_abstimmung") }),
      count: countIn("zur_abstimmung"),
    },
  ]
    .filter((m) => m.count > 0)
    .map(({ to, label }) => ({ to, label }));

  return (
    <ClientMessages namespaces={["form"]}>
      <main id="inhalt" className="mx-auto max-w-6xl px-6 py-10">
        {overview.openBreakGlass.length > 0 ? (
          <section
            aria-labelledby="break-glass-title"
            className="mb-6 rounded-md border border-danger bg-[#fce8e6] p-4"
          >
            <h2 id="break-glass-title" className="font-bold">
              {t("breakGlassTitle")}
            </h2>
            <ul className="mt-1">
              {overview.openBreakGlass.map((g) => (
                <li key={`${g.adminName}-${g.expiresAt.toISOString()}`}>
                  {t("breakGlassEntry", {
                    admin: g.adminName,
                    until: format.dateTime(g.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
                    reason: g.reason,
                  })}
                </li>
              ))}
            </ul>
            <p className="mt-1 text-sm">
              <Link href={`/konzepte/${concept.id}/protokoll?kategorie=concept`}>{t("breakGlassAudit")}</Link>
            </p>
          </section>
        ) : null}
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-muted">{concept.mandateReference}</p>
            <h1 className="mt-1 max-w-4xl text-3xl font-bold">{concept.title}</h1>
            <p className="mt-2">
              <Link href={`/konzepte/${concept.id}/beteiligte`}>
                {overview.mayManageParticipants ? t("manageParticipants") : t("participants")}
              </Link>
            </p>
          </div>
          <ConceptStatusBadge status={concept.status} />
        </div>
        <ConceptTabs conceptId={concept.id} current="overview" showOutline={overview.mayManage} />

        {workflow ? (
          <WorkflowPanel
            conceptId={concept.id}
            status={workflow.status}
            steps={workflow.steps}
            lastVoidReason={workflow.lastVoidReason}
            isLead={workflow.mayTakeSteps}
            action={transitionConceptAction}
          />
        ) : null}

        <section aria-labelledby="auftrag" className="mt-8 card">
          <h2 id="auftrag" className="text-xl font-bold">
            {t("mandate")}
          </h2>
          <dl className="mt-4 grid gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-5">
            <div>
              <dt className="text-sm text-muted">{t("reference")}</dt>
              <dd className="font-semibold">{concept.mandateReference}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("decisionDate")}</dt>
              <dd className="font-semibold">{format.dateTime(day(concept.decisionDate), { dateStyle: "long" })}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("deadline")}</dt>
              <dd className="font-semibold">{format.dateTime(day(concept.deadline), { dateStyle: "long" })}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("leadOffice")}</dt>
              <dd className="font-semibold">{overview.leadOrganisationName}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("myRole")}</dt>
              <dd className="font-semibold">{tr(overview.role)}</dd>
            </div>
          </dl>
          <details className="mt-5 rounded-md border border-line bg-canvas p-4">
            <summary className="cursor-pointer font-semibold">{t("motionText")}</summary>
            <div className="mt-3 max-w-3xl whitespace-pre-line leading-relaxed">{concept.mandateText}</div>
          </details>
          <h3 className="mt-6 text-lg font-bold">{t("mandateItems")}</h3>
          <ol className="mt-2 space-y-2">
            {overview.mandateItems.map((item, i) => (
              <li key={i} className="flex flex-wrap gap-x-3">
                <span className="font-semibold">{`${i + 1}.`}</span>
                <span>{item.text}</span>
                <span className="text-muted">
                  {/* Texts joined beforehand and links without a wrapper: each text node or span costs the page. */}
                  {item.sections.length ? (
                    [
                      `— ${t("coveredBy")} `,
                      ...item.sections.flatMap((s, j) => [
                        j > 0 ? ", " : null,
                        <Link key={s.number} href={`/konzepte/${concept.id}/abschnitte/${s.id}`}>
                          {`${s.number}. ${s.title}`}
                        </Link>,
                      ]),
                    ]
                  ) : (
                    <>
                      {"— "}
                      <strong className="text-warn">{t("notCovered")}</strong>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="beratungsfolge" className="mt-8 card">
          <h2 id="beratungsfolge" className="text-xl font-bold">
            {t("beratungsfolge")}
          </h2>
          <ScrollBox label={t("beratungsfolgeCaption")} className="mt-4">
            <table className="data-table">
              <caption className="sr-only">{t("beratungsfolgeCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("committee")}</th>
                  <th scope="col">{t("consultationRole")}</th>
                  <th scope="col">{t("meetingDate")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.consultations.map((c) => (
                  <tr key={c.position}>
                    <td>{c.position}</td>
                    <td>
                      {`${c.committeeName} (${c.committeeShortName})`}
                      {c.classification ? <span className="text-muted">{` · ${tcl(c.classification)}`}</span> : null}
                    </td>
                    <td>{tcr(c.role)}</td>
                    <td>{format.dateTime(day(c.meetingDate), { dateStyle: "medium" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>

        <DeadlineTimeline
          plan={plan}
          settings={
            overview.mayManage
              ? {
                  conceptId: concept.id,
                  submissionLeadDays: concept.submissionLeadDays,
                  signoffDays: concept.signoffDays,
                  revisionDays: concept.revisionDays,
                  reminderDays: concept.reminderDays,
                  action: setPlanningSettingsAction,
                }
              : undefined
          }
        />

        <section aria-labelledby="abschnitte" className="mt-8 card">
          <h2 id="abschnitte" className="text-xl font-bold">
            {t("sections")}
          </h2>
          {overview.sections.length === 0 ? (
            <p className="mt-4">{t("noSections")}</p>
          ) : (
            <SectionStatusMoves
              moves={
                overview.mayMoveSections
                  ? {
                      action: setSectionStatusAction,
                      conceptId: concept.id,
                      labels: {
                        entwurf: tw("sectionMove.entwurf"),
                        zur_abstimmung: tw("sectionMove.zur_abstimmung"),
                        abgestimmt: tw("sectionMove.abgestimmt"),
                      },
                    }
                  : null
              }
            >
              <ScrollBox label={t("sectionsCaption")} className="mt-4">
                <table className="data-table data-table-roomy">
                  <caption className="sr-only">{t("sectionsCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("number")}</th>
                      <th scope="col">{t("title")}</th>
                      <th scope="col">{t("owner")}</th>
                      <th scope="col">{t("sectionStatus")}</th>
                      {overview.mayMoveSections ? <th scope="col">{tw("sectionStatusChange")}</th> : null}
                      <th scope="col">{t("openThreads")}</th>
                      <th scope="col">{t("lastChange")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.sections.map((s) => (
                      <tr key={s.number}>
                        <td className="font-semibold">{s.number}</td>
                        <td>
                          <Link href={`/konzepte/${concept.id}/abschnitte/${s.id}`} className="font-semibold">
                            {s.title}
                          </Link>
                        </td>
                        <td>
                          {s.ownerName}
                          {s.ownerIllustrative ? illustrative() : null}
                        </td>
                        <td>{statusBadge(s.status)}</td>
                        {overview.mayMoveSections ? (
                          <td>
                            <SectionStatusForm sectionId={s.id} title={s.title} from={s.status} />
                          </td>
                        ) : null}
                        <td>{s.openThreads}</td>
                        <td className="text-sm">
                          {t("lastChangeBy", { date: s.updatedAt, time: s.updatedAt, name: s.updatedByName ?? "—" })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </SectionStatusMoves>
          )}
          {overview.mayMoveSections && bulkMoves.length ? (
            <BulkSectionStatusForm action={setSectionsStatusAction} conceptId={concept.id} moves={bulkMoves} />
          ) : null}
        </section>
      </main>
    </ClientMessages>
  );
}
