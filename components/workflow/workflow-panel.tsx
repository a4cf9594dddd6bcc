import { getTranslations } from "next-intl/server";
import { ConceptStatusBadge } from "@/components/status-badge";
import type { FormAction } from "@/components/forms/use-action-form";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import type { WorkflowStep } from "@/lib/workflow/get-workflow-state";
import { ConfirmedStepForm } from "./confirmed-step-form";
import { TransitionForm } from "./workflow-forms";

/** Steps that cannot simply be taken back: each asks first, saying what will happen and to whom. */
const CONFIRMED_STEPS: ReadonlySet<string> = new Set(["open_consultation", "start_signoff", "release", "close"]);
type ConfirmedStep = "open_consultation" | "start_signoff" | "release" | "close";

/** The concept's status, the steps this person can take now, and for each blocked step exactly why. */
export async function WorkflowPanel({
  conceptId,
  status,
  steps,
  lastVoidReason,
  isLead,
  action,
}: {
  conceptId: string;
  status: ConceptStatus;
  steps: WorkflowStep[];
  lastVoidReason: string | null;
  isLead: boolean;
  action: FormAction<unknown>;
}) {
  const t = await getTranslations("workflow");
  return (
    <section aria-labelledby="arbeitsablauf" className="mt-8 card">
      <h2 id="arbeitsablauf" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-3 flex items-center gap-2">
        <span className="text-muted">{`${t("currentStatus")}:`}</span> <ConceptStatusBadge status={status} />
      </p>
      {lastVoidReason ? (
        <p className="mt-3 rounded-md border border-warn bg-[#fff4e5] p-3">
          {t("lastRejection", { reason: lastVoidReason })}
        </p>
      ) : null}
      {!isLead ? (
        <p className="mt-3">{t("leadOnly")}</p>
      ) : steps.length === 0 ? (
        <p className="mt-3">{t("noSteps")}</p>
      ) : (
        <>
          <h3 className="mt-5 text-lg font-bold">{t("possibleSteps")}</h3>
          <ul className="mt-2 flex flex-col gap-4">
            {steps.map((step) => {
              const label = t(`transition.${step.id}`);
              return (
                <li key={step.id} className="rounded-md border border-line p-4">
                  {step.allowed && !step.handledElsewhere && CONFIRMED_STEPS.has(step.id) ? (
                    <ConfirmedStepForm
                      action={action}
                      conceptId={conceptId}
                      transition={step.id}
                      label={label}
                      confirm={{
                        title: t(`confirm.${step.id as ConfirmedStep}.title`),
                        description: t(`confirm.${step.id as ConfirmedStep}.description`),
                        confirmLabel: t(`confirm.${step.id as ConfirmedStep}.confirm`),
                        cancelLabel: t("confirm.cancel"),
                      }}
                    />
                  ) : step.allowed && !step.handledElsewhere ? (
                    <TransitionForm
                      action={action}
                      conceptId={conceptId}
                      transition={step.id}
                      label={label}
                      variant={step.id === "reopen_after_signoff" ? "secondary" : "primary"}
                    />
                  ) : (
                    <p className="font-semibold">{label}</p>
                  )}
                  {step.handledElsewhere ? <p className="mt-1 text-sm text-muted">{t("handledElsewhere")}</p> : null}
                  {step.blockers.length ? (
                    <div className="mt-2">
                      <p className="text-sm font-semibold">{t("blockedBecause")}</p>
                      <ul className="mt-1 list-disc pl-6">
                        {step.blockers.map((b, i) => (
                          <li key={i}>{t(`blocker.${b.code}` as "blocker.noSections", b.params ?? {})}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
