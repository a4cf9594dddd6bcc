import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { ConceptTabs } from "@/components/concept-tabs";
import { ClientMessages } from "@/components/intl/client-messages";
import { ConceptStatusBadge } from "@/components/status-badge";
import { buttonClass } from "@/components/ui/button";
import { BeratungsfolgeEditor } from "@/components/vorlage/beratungsfolge-editor";
import { OutcomeForm, StepForm } from "@/components/vorlage/outcome-form";
import { PaperParts } from "@/components/vorlage/paper-parts";
import { SubmitVorlageForm } from "@/components/vorlage/submit-vorlage-form";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { planningToday } from "@/lib/clock";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { getVorlagePage } from "@/lib/workflow/get-vorlage";
import { OUTCOMES_BY_ROLE } from "@/lib/workflow/vorlage-schemas";
import {
  changeBeratungsfolgeAction,
  deliberationStepAction,
  recordOutcomeAction,
  submitVorlageAction,
} from "./actions";
import { getConceptTitle } from "@/lib/concepts/get-concept-title";

type Props = { params: Promise<{ conceptId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titled(params, (await getTranslations("vorlage"))("title"));
}

/** The page's name and the concept's: pages of two concepts would otherwise share a title. */
async function titled(params: Promise<{ conceptId: string }>, name: string): Promise<Metadata> {
  const actor = await requireActor();
  const { conceptId } = await params;
  const concept = await orNotFound((async () => getConceptTitle(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  return { title: `${name} · ${concept}` };
}

const day = (d: string) => new Date(`${d}T12:00:00Z`);

/** The Vorlage: submission form while Freigegeben; afterwards its data, the PDF and the outcomes of the Beratungsfolge. */
export default async function VorlagePage({ params }: Props) {
  const actor = await requireActor();
  const { conceptId } = await params;
  const page = await orNotFound((async () => getVorlagePage(await getDb(), actor, parseIdOrNotFound(conceptId)))());
  const { concept, vorlage, folge, mayManage, mayEditFolge, steps } = page;
  const t = await getTranslations("vorlage");
  const tw = await getTranslations("workflow");
  const tcr = await getTranslations("consultationRole");
  const to = await getTranslations("outcome");
  const format = await getFormatter();
  const base = `/konzepte/${concept.id}`;
  const status = concept.status;
  const stepLabel = {
    refer_back: t("referBack"),
    complete_deliberation: t("completeDeliberation"),
    close: t("close"),
  } as const;

  return (
    <ClientMessages namespaces={["vorlage", "outcome", "consultationRole", "form"]}>
      <main id="inhalt" className="mx-auto max-w-6xl px-6 py-10">
        <Breadcrumb items={[{ label: concept.title, href: base }, { label: t("title") }]} />
        <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <ConceptStatusBadge status={status} />
        </div>
        <ConceptTabs conceptId={concept.id} current="vorlage" showOutline={mayManage} />

        {!vorlage ? (
          <section aria-labelledby="einreichen" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="einreichen" className="text-xl font-bold">
              {t("submitHeading")}
            </h2>
            {page.maySubmit ? (
              <>
                <p className="mt-2 max-w-3xl">{t("submitIntro", { fassung: page.releasedFassungName ?? "—" })}</p>
                <SubmitVorlageForm
                  action={submitVorlageAction}
                  conceptId={concept.id}
                  today={planningToday(await isDemoDataPresent(await getDb()))}
                  defaults={page.partDefaults}
                  fassungName={page.releasedFassungName ?? "—"}
                  folge={folge}
                />
              </>
            ) : (
              <p className="mt-2">{status === "freigegeben" ? t("leadSubmits") : t("notReleased")}</p>
            )}
          </section>
        ) : (
          <section aria-labelledby="vorlage-daten" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="vorlage-daten" className="text-xl font-bold">
              {t("dataHeading", { reference: vorlage.reference })}
            </h2>
            <dl className="mt-4 grid gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
              <div>
                <dt className="text-sm text-muted">{t("paperType")}</dt>
                <dd className="font-semibold">{t(vorlage.paperType)}</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t("reference")}</dt>
                <dd className="font-semibold">{vorlage.reference}</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t("paperDate")}</dt>
                <dd className="font-semibold">{format.dateTime(day(vorlage.paperDate), { dateStyle: "long" })}</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t("submittedAt")}</dt>
                <dd className="font-semibold">
                  {format.dateTime(vorlage.submittedAt, { dateStyle: "long", timeStyle: "short" })}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t("fassung")}</dt>
                <dd className="font-semibold">{vorlage.fassungName}</dd>
              </div>
              <div className="sm:col-span-2 lg:col-span-3">
                <dt className="text-sm text-muted">{t("sha512")}</dt>
                <dd className="font-mono text-sm break-all" data-testid="vorlage-sha512">
                  {vorlage.sha512}
                </dd>
              </div>
            </dl>
            <PaperParts
              parts={(["decisionProposal", "financialImpact", "reasoning"] as const).map((part) => ({
                id: part,
                label: t(`parts.${part}`),
                text: vorlage[part],
              }))}
            />
            <p className="mt-4 flex flex-wrap gap-4">
              <a
                href={`/api/concepts/${concept.id}/vorlage/pdf`}
                className={buttonClass("primary", "no-underline hover:text-white")}
                download
              >
                {t("downloadPdf", { size: format.number((vorlage.size ?? 0) / 1024, { maximumFractionDigits: 0 }) })}
              </a>
              {page.mayOpenReadingRoom ? <Link href={`${base}/lesesaal`}>{t("toReadingRoom")}</Link> : null}
            </p>
          </section>
        )}

        <section aria-labelledby="folge" className="mt-8 rounded-lg border border-line bg-white p-6">
          <h2 id="folge" className="text-xl font-bold">
            {t("folgeHeading")}
          </h2>
          {mayEditFolge ? (
            <BeratungsfolgeEditor
              action={changeBeratungsfolgeAction}
              conceptId={concept.id}
              folge={folge}
              committees={page.committees}
            />
          ) : (
            <ol className="mt-4 space-y-4">
              {folge.map((c) => (
                <li key={c.id} className="rounded-md border border-line p-4">
                  <p className="font-semibold">
                    {c.position}. {c.committeeName} ({c.committeeShortName}) · {tcr(c.role)}
                  </p>
                  <p className="text-sm">
                    {t("meetingOn", { date: format.dateTime(day(c.meetingDate), { dateStyle: "medium" }) })}
                    {c.submissionDeadline
                      ? ` · ${t("deadlineOn", { date: format.dateTime(day(c.submissionDeadline), { dateStyle: "medium" }) })}`
                      : ""}
                  </p>
                  <p className="mt-1" data-testid={`outcome-${c.committeeShortName}`}>
                    {c.outcome
                      ? t("outcomeRecorded", {
                          outcome: to(c.outcome),
                          date: c.outcomeDate ? format.dateTime(day(c.outcomeDate), { dateStyle: "medium" }) : "—",
                        })
                      : t("noOutcome")}
                  </p>
                  {page.mayRecordOutcomes ? (
                    <div className="mt-3">
                      <OutcomeForm
                        action={recordOutcomeAction}
                        conceptId={concept.id}
                        consultationId={c.id}
                        outcomes={OUTCOMES_BY_ROLE[c.role]}
                        committee={c.committeeShortName}
                        outcome={c.outcome}
                        outcomeDate={c.outcomeDate}
                        meetingDate={c.meetingDate}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        {steps.length ? (
          <section aria-labelledby="schritte" className="mt-8 rounded-lg border border-line bg-white p-6">
            <h2 id="schritte" className="text-xl font-bold">
              {t("stepsHeading")}
            </h2>
            <ul className="mt-4 space-y-4">
              {steps.map((s) => (
                <li key={s.id}>
                  <StepForm
                    action={deliberationStepAction}
                    conceptId={concept.id}
                    transition={s.id}
                    label={stepLabel[s.id as keyof typeof stepLabel]}
                    disabled={!s.allowed}
                    describedBy={s.allowed ? undefined : `blocker-${s.id}`}
                    confirm={
                      s.id === "close"
                        ? {
                            title: tw("confirm.close.title"),
                            description: tw("confirm.close.description"),
                            confirmLabel: tw("confirm.close.confirm"),
                            cancelLabel: tw("confirm.cancel"),
                          }
                        : undefined
                    }
                  />
                  {s.allowed ? null : (
                    <ul id={`blocker-${s.id}`} className="mt-2 list-disc pl-6 text-sm text-warn">
                      {s.blockers.map((b) => (
                        <li key={b.code}>
                          {t(`blocker.${b.code}` as "blocker.outcomesMissing", {
                            count: Number(b.params?.count ?? 0),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
