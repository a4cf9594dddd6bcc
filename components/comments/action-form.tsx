"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export type FormAction = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action: shows the German result message (role=status / alert), hands field
 * errors to its children, resets on success, and keeps the user's input when the server refuses.
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = true,
  label,
  onSuccess,
}: {
  action: FormAction;
  children: (state: { pending: boolean; fieldErrors: Record<string, string> }) => React.ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  label?: string;
  onSuccess?: () => void;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) ref.current?.reset();
      onSuccess?.();
    }
  }, [state, resetOnSuccess, onSuccess]);
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form ref={ref} action={formAction} className={className} aria-label={label}>
      {children({ pending, fieldErrors })}
      {state ? (
        state.ok ? (
          <p role="status" className="mt-2 text-sm font-semibold text-ok">
            {state.message}
          </p>
        ) : (
          <p role="alert" className="mt-2 text-sm font-semibold text-danger">
            {state.message}
          </p>
        )
      ) : null}
    </form>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-danger">
      {message}
    </p>
  );
}
