"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DiffLegend, DiffText } from "@/components/diff/diff-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ScrollBox } from "@/components/ui/scroll-box";
import type { DiffPart } from "@/lib/diff/word-diff";

/** A revision saved by someone else after the proposal: who, which version, what it changed. */
export type InterveningChange = {
  number: number;
  createdAt: Date;
  note: string | null;
  people: string[];
  parts: DiffPart[];
};

/**
 * Accepting a reconciled proposal over other people's later changes: the dialog shows each of those changes
 * (who, which version, a word diff) and asks before their text is replaced.
 */
export function InterveningChanges({
  proposalBase,
  currentVersion,
  changes,
  busy,
  error,
  onConfirm,
}: {
  proposalBase: number;
  currentVersion: number;
  changes: InterveningChange[];
  busy: boolean;
  error: string;
  onConfirm: () => void;
}) {
  const t = useTranslations("proposals");
  const format = useFormatter();
  const names = [...new Set(changes.flatMap((c) => c.people))];
  return (
    <ConfirmDialog
      trigger={t("acceptReconciled")}
      title={t("confirmOverwrite.title")}
      description={t("confirmOverwrite.description", {
        base: proposalBase,
        names: format.list(names, { type: "conjunction" }),
        count: names.length,
      })}
      emphasis={t("confirmOverwrite.consequence", { current: currentVersion, next: currentVersion + 1 })}
      cancelLabel={t("confirmOverwrite.cancel")}
      triggerVariant="primary"
      largeTrigger
      wide
      details={
        <ScrollBox label={t("confirmOverwrite.changesLabel")} className="sm:max-h-[45dvh] sm:overflow-y-auto">
          <DiffLegend />
          <ol className="mt-3 space-y-4">
            {changes.map((change) => {
              const heading = t("confirmOverwrite.change", {
                number: change.number,
                names: format.list(change.people, { type: "conjunction" }),
                when: format.dateTime(change.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              });
              return (
                <li key={change.number} className="rounded-md border border-line p-3">
                  <h3 className="font-semibold">{heading}</h3>
                  {change.note ? <p className="text-sm text-muted">„{change.note}“</p> : null}
                  <div className="mt-2">
                    <DiffText parts={change.parts} label={heading} collapse />
                  </div>
                </li>
              );
            })}
          </ol>
        </ScrollBox>
      }
    >
      {() => (
        <div className="flex flex-col gap-3">
          {error ? (
            <p role="alert" className="rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger">
              {error}
            </p>
          ) : null}
          <Button type="button" className="w-full" disabled={busy} aria-busy={busy || undefined} onClick={onConfirm}>
            {t("confirmOverwrite.confirm")}
          </Button>
        </div>
      )}
    </ConfirmDialog>
  );
}
