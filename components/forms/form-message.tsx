"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * The form's answer: an error (with the form-level message, also for errors that belong to no visible field)
 * or a success note. Always rendered, so screen readers announce changes.
 */
export function FormMessage({
  state,
  fields = [],
}: {
  state: ActionResult<unknown> | null;
  fields?: readonly string[];
}) {
  const t = useTranslations("form");
  const error = state && !state.ok ? state : null;
  const entries = error ? Object.entries(error.fieldErrors) : [];
  // Errors at a visible field are shown there; the summary then just points to them.
  const atField = ([k]: [string, string]) => fields.includes(k) || k.includes(".");
  const formLevel = entries.filter((e) => !atField(e));
  const summary =
    error && entries.some((e) => atField(e) && e[1] === error.message) ? t("checkFields") : error?.message;
  return (
    <>
      <div
        role="alert"
        data-form-alert
        tabIndex={-1}
        className={error ? "rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger" : "sr-only"}
      >
        {error ? (
          <>
            {summary}
            {formLevel
              .filter(([, m]) => m !== summary)
              .map(([k, m]) => (
                <span key={k} className="mt-1 block">
                  {m}
                </span>
              ))}
          </>
        ) : null}
      </div>
      <div
        role="status"
        className={
          state?.ok && state.message
            ? "rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok"
            : "sr-only"
        }
      >
        {state?.ok ? state.message : null}
      </div>
    </>
  );
}
