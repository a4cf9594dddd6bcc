"use client";

import { useTranslations } from "next-intl";
import { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
import { AbwaegungForm } from "@/components/comments/thread-forms";
import { Button } from "@/components/ui/button";

/** The proposal page's actions (its actions.ts), handed down as props. */
export type ProposalActions = { accept: FormAction; reject: FormAction; withdraw: FormAction; decide: FormAction };

type Ctx = { conceptId: string; proposalId: string; actions: ProposalActions };

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
    <ActionForm action={ctx.actions.accept} label={t("accept")}>
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
    <ActionForm action={ctx.actions.reject} label={t("reject")} resetOnSuccess={false}>
      {({ pending, fieldErrors }) => (
        <div className="flex flex-col gap-2">
          <Hidden ctx={ctx} />
          <label htmlFor="reject-reason" className="font-semibold">
            {t("rejectReason")}
          </label>
          <textarea
            id="reject-reason"
            name="reason"
            rows={2}
            aria-invalid={fieldErrors.reason ? true : undefined}
            aria-describedby={fieldErrors.reason ? "reject-reason-error" : undefined}
            className="w-full rounded-md border border-muted bg-white px-3 py-2"
          />
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
    <ActionForm action={ctx.actions.withdraw} label={t("withdraw")}>
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

export function ProposalDecisionForm({
  ctx,
  current,
}: {
  ctx: Ctx;
  current: { decision: string | null; reason: string | null };
}) {
  return (
    <AbwaegungForm
      action={ctx.actions.decide}
      id={`decide-${ctx.proposalId}`}
      hidden={<Hidden ctx={ctx} />}
      current={current}
    />
  );
}
