"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

type Action = (
  previous: ActionResult<{ version: number }> | null,
  formData: FormData,
) => Promise<ActionResult<{ version: number }>>;

/** Restoring adds a new revision with the old content; nothing is lost, so no extra confirmation step. */
export function RestoreRevisionForm({
  action,
  conceptId,
  sectionId,
  number,
  baseVersion,
}: {
  action: Action;
  conceptId: string;
  sectionId: string;
  number: number;
  baseVersion: number;
}) {
  const t = useTranslations("history");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    // Submitted from script, not through <form action={…}>, which renders as action="" (invalid HTML).
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="mt-6 rounded-lg border border-line bg-white p-4"
    >
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <p id="wiederherstellen-hinweis" className="text-muted">
        {t("restoreHint", { number, current: baseVersion })}
      </p>
      <Button type="submit" className="mt-3" disabled={pending} aria-describedby="wiederherstellen-hinweis">
        {t("restore", { number })}
      </Button>
      <div role="status" className="mt-3">
        {state?.ok ? <p className="font-semibold text-ok">{state.message}</p> : null}
      </div>
      <div role="alert">
        {state && !state.ok ? (
          <p className="rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger">{state.message}</p>
        ) : null}
      </div>
    </form>
  );
}
