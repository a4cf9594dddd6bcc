"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "@/components/ui/button";

/** The personal iCal feed: the secret link is shown once after creating it; a new one invalidates the old. */
type CalendarAction = () => Promise<ActionResult<unknown>>;

export function CalendarSubscription({
  hasToken,
  createCalendarLinkAction,
  revokeCalendarLinkAction,
}: {
  hasToken: boolean;
  createCalendarLinkAction: CalendarAction;
  revokeCalendarLinkAction: CalendarAction;
}) {
  const t = useTranslations("calendar");
  const [created, create, creating] = useActionState(createCalendarLinkAction, null);
  const [revoked, revoke, revoking] = useActionState(revokeCalendarLinkAction, null);
  const url = created?.ok && typeof created.data === "string" ? created.data : null;
  const active = url ? true : revoked?.ok ? false : hasToken;
  // Submitted from script, not through <form action={…}>, which renders as action="" (invalid HTML).
  const submitWith = (run: () => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(run);
  };
  return (
    <div className="flex flex-col gap-3">
      <p className="text-muted">{t("intro")}</p>
      {url ? (
        <div>
          <label htmlFor="calendar-url" className="font-semibold">
            {t("url")}
          </label>
          <input
            id="calendar-url"
            readOnly
            value={url}
            className="mt-1 w-full rounded-md border border-muted bg-canvas px-3 py-2 font-mono text-sm"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="mt-1 text-sm text-muted" role="status">
            {t("shownOnce")}
          </p>
        </div>
      ) : active ? (
        <p role="status">{t("active")}</p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <form onSubmit={submitWith(() => create())}>
          <Button type="submit" disabled={creating}>
            {active ? t("renew") : t("create")}
          </Button>
        </form>
        {active ? (
          <form onSubmit={submitWith(() => revoke())}>
            <Button type="submit" variant="secondary" disabled={revoking}>
              {t("revoke")}
            </Button>
          </form>
        ) : null}
      </div>
      {created && !created.ok ? (
        <p role="alert" className="font-semibold text-danger">
          {created.message}
        </p>
      ) : null}
    </div>
  );
}
