"use client";

import { useFormatter, useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/http/action-result";

type Action = (
  previous: ActionResult<{ version: number }> | null,
  formData: FormData,
) => Promise<ActionResult<{ version: number }>>;

/** What restoring takes back, as the server found it: the later versions and the other people whose changes they are. */
export type TakenBack = { versions: number; others: string[]; includesOwn: boolean };

/**
 * Restoring adds a new revision with the old content; history keeps everything, but the live text changes for
 * everyone at once and later changes by others are taken back, so the dialog names them before anything happens.
 */
export function RestoreRevisionForm({
  action,
  conceptId,
  sectionId,
  sectionLabel,
  number,
  baseVersion,
  takenBack,
}: {
  action: Action;
  conceptId: string;
  sectionId: string;
  sectionLabel: string;
  number: number;
  baseVersion: number;
  takenBack: TakenBack;
}) {
  const t = useTranslations("history");
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, null);
  const whose = takenBack.others.length
    ? t("restoreTakesBackOthers", {
        names: format.list(takenBack.others, { type: "conjunction" }),
        own: takenBack.includesOwn ? "yes" : "no",
        versions: takenBack.versions,
      })
    : t("restoreTakesBackOwn", { versions: takenBack.versions });
  return (
    <div className="mt-6 rounded-lg border border-line bg-white p-4">
      <p id="wiederherstellen-hinweis" className="text-muted">
        {t("restoreHint", { number, current: baseVersion })}
      </p>
      <div className="mt-3">
        <ConfirmDialog
          trigger={t("restore", { number })}
          title={t("restoreConfirmTitle", { number })}
          description={t("restoreConfirmDescription", { number, section: sectionLabel, next: baseVersion + 1 })}
          emphasis={whose}
          cancelLabel={t("restoreCancel")}
          triggerVariant="primary"
          largeTrigger
        >
          {(close) => (
            // Submitted from script, not through <form action={…}>, which renders as action="" (invalid HTML).
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const data = new FormData(event.currentTarget);
                close();
                startTransition(() => formAction(data));
              }}
            >
              <input type="hidden" name="conceptId" value={conceptId} />
              <input type="hidden" name="sectionId" value={sectionId} />
              <input type="hidden" name="number" value={number} />
              <input type="hidden" name="baseVersion" value={baseVersion} />
              <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
                {t("restoreConfirm", { number })}
              </Button>
            </form>
          )}
        </ConfirmDialog>
      </div>
      <div role="status" className="mt-3">
        {state?.ok ? <p className="font-semibold text-ok">{state.message}</p> : null}
      </div>
      <div role="alert">
        {state && !state.ok ? (
          <p className="rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger">{state.message}</p>
        ) : null}
      </div>
    </div>
  );
}
