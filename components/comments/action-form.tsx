"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export type FormAction = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action: shows the German result message (role=status / alert), hands field
 * errors to its children, resets on success, and keeps the user's input when the server refuses.
 * Submission goes through onSubmit because React resets a form after every `action` submission, which
 * would wipe the user's text on a refusal; without JavaScript the plain `action` still works.
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
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  }, [onSuccess]);
  const handled = useRef<unknown>(null);
  useEffect(() => {
    // Once per result, not on every re-render.
    if (!state || handled.current === state) return;
    handled.current = state;
    if (state.ok) {
      if (resetOnSuccess) ref.current?.reset();
      onSuccessRef.current?.();
    }
  }, [state, resetOnSuccess]);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form ref={ref} action={formAction} onSubmit={onSubmit} className={className} aria-label={label}>
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
