"use client";

import { createContext, useContext, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";
import { useActionForm, type FormAction as TypedFormAction } from "./use-action-form";

export type FormAction = TypedFormAction<unknown>;

const PendingContext = createContext(false);

/**
 * A form bound to a server action, built on `useActionForm`: the German result message as a status (success)
 * or an alert (refusal), field errors handed to the children, the user's input kept when the server refuses,
 * focus on the first invalid field, and a reset after success unless `resetOnSuccess={false}`.
 */
export function ActionForm<T = unknown>({
  action,
  children,
  className,
  resetOnSuccess = true,
  label,
  id,
  onSuccess,
}: {
  action: TypedFormAction<T>;
  children: (state: {
    pending: boolean;
    fieldErrors: Record<string, string>;
    result: ActionResult<T> | null;
  }) => ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  label?: string;
  /** For a submit button outside the form (a confirmation dialog's, rendered in a portal). */
  id?: string;
  /** Runs after each success with what the action returned (e.g. the id of what it created). */
  onSuccess?: (data: T) => void;
}) {
  const { state, pending, formProps } = useActionForm(action, {
    resetOnSuccess,
    onSuccess: onSuccess ? (result) => onSuccess(result.data) : undefined,
  });
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  return (
    <PendingContext.Provider value={pending}>
      <form {...formProps} id={id} className={className} aria-label={label}>
        {children({ pending, fieldErrors, result: state })}
        {state ? (
          state.ok ? (
            <p role="status" data-form-status tabIndex={-1} className="mt-2 basis-full text-sm font-semibold text-ok">
              {state.message}
            </p>
          ) : (
            <p role="alert" data-form-alert tabIndex={-1} className="mt-2 basis-full text-sm font-semibold text-danger">
              {state.message}
            </p>
          )
        ) : null}
      </form>
    </PendingContext.Provider>
  );
}

/** The submit button of an ActionForm: disabled and marked busy while the action runs. */
export function SubmitButton({
  children,
  variant,
  ...rest
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  "aria-describedby"?: string;
  className?: string;
}) {
  const pending = useContext(PendingContext);
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending || undefined} {...rest}>
      {children}
    </Button>
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
