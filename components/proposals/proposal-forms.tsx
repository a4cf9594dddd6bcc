"use client";

import { useTranslations } from "next-intl";
import { acceptProposalAction, decideProposalAction, rejectProposalAction, withdrawProposalAction } from "@/app/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/vorschlaege/[proposalId]/actions";
import { ActionForm, FieldError } from "@/components/comments/action-form";
import { Button } from "@/components/ui/button";

type Ctx = { conceptId: string; proposalId: string };

function Hidden({ ctx }: { ctx: Ctx }) {
  return (
    <>
      <input type="hidden" name="conceptId" value={ctx.conceptId} />
      <input type="hidden" name="proposalId" value={ctx.proposalId} />
    </>
  );
}

export function AcceptForm({ ctx, baseVersion }: { ctx: Ctx; baseVersion: number }) {
  const t = useTranslations("proposals");
  return (
    <ActionForm action={acceptProposalAction} label={t("accept")}>
      {({ pending }) => (
        <>
          <Hidden ctx={ctx} />
          <input type="hidden" name="baseVersion" value={baseVersion} />
          <Button type="submit" disabled={pending}>
            {t("accept")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function RejectForm({ ctx }: { ctx: Ctx }) {
  const t = useTranslations("proposals");
  return (
    <ActionForm action={rejectProposalAction} label={t("reject")} resetOnSuccess={false}>
      {({ pending, fieldErrors }) => (
        <div className="flex flex-col gap-2">
          <Hidden ctx={ctx} />
          <label htmlFor="reject-reason" className="font-semibold">
            {t("rejectReason")}
          </label>
          <textarea id="reject-reason" name="reason" rows={2} aria-invalid={fieldErrors.reason ? true : undefined} aria-describedby={fieldErrors.reason ? "reject-reason-error" : undefined} className="w-full rounded-md border border-muted bg-white px-3 py-2" />
          <FieldError id="reject-reason-error" message={fieldErrors.reason} />
          <Button type="submit" variant="danger" disabled={pending} className="self-start">
            {t("reject")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

export function WithdrawForm({ ctx }: { ctx: Ctx }) {
  const t = useTranslations("proposals");
  return (
    <ActionForm action={withdrawProposalAction} label={t("withdraw")}>
      {({ pending }) => (
        <>
          <Hidden ctx={ctx} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("withdraw")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function ProposalDecisionForm({ ctx, current }: { ctx: Ctx; current: { decision: string | null; reason: string | null } }) {
  const t = useTranslations("comments");
  const ta = useTranslations("abwaegung");
  return (
    <details className="rounded-md border border-line bg-white p-3">
      <summary className="cursor-pointer font-semibold">{current.decision ? t("changeDecision") : t("decide")}</summary>
      <ActionForm action={decideProposalAction} resetOnSuccess={false} label={t("decide")}>
        {({ pending, fieldErrors }) => (
          <div className="mt-2 flex flex-col gap-2">
            <Hidden ctx={ctx} />
            <fieldset>
              <legend className="text-sm font-semibold">{t("decision")}</legend>
              {(["uebernommen", "teilweise_uebernommen", "nicht_uebernommen", "zur_kenntnis_genommen"] as const).map((d) => (
                <label key={d} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="decision" value={d} defaultChecked={current.decision === d} /> {ta(d)}
                </label>
              ))}
              <FieldError id="pd-decision-error" message={fieldErrors.decision} />
            </fieldset>
            <label htmlFor="pd-reason" className="text-sm font-semibold">
              {t("reason")}
            </label>
            <textarea id="pd-reason" name="reason" rows={2} defaultValue={current.reason ?? ""} className="w-full rounded-md border border-muted px-3 py-2" aria-invalid={fieldErrors.reason ? true : undefined} aria-describedby={fieldErrors.reason ? "pd-reason-error" : undefined} />
            <FieldError id="pd-reason-error" message={fieldErrors.reason} />
            <Button type="submit" disabled={pending} className="self-start px-3 py-1 text-sm">
              {t("saveDecision")}
            </Button>
          </div>
        )}
      </ActionForm>
    </details>
  );
}
