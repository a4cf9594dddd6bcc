"use client";

import type { ActionResult } from "@/lib/http/action-result";

/**
 * The form's answer: an error (with the form-level message, also for errors that belong to no visible field)
 * or a success note. Always rendered, so screen readers announce changes.
 */
export function FormMessage({ state, fields = [] }: { state: ActionResult<unknown> | null; fields?: readonly string[] }) {
  const error = state && !state.ok ? state : null;
  const formLevel = error ? Object.entries(error.fieldErrors).filter(([k]) => !fields.includes(k) && (k === "_form" || !k.includes("."))) : [];
  return (
    <>
      <div role="alert" data-form-alert tabIndex={-1} className={error ? "rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger" : "sr-only"}>
        {error ? (
          <>
            {error.message}
            {formLevel.filter(([, m]) => m !== error.message).map(([k, m]) => (
              <span key={k} className="mt-1 block">
                {m}
              </span>
            ))}
          </>
        ) : null}
      </div>
      <div role="status" className={state?.ok && state.message ? "rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok" : "sr-only"}>
        {state?.ok ? state.message : null}
      </div>
    </>
  );
}
