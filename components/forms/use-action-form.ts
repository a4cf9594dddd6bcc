"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a server action through useActionState. Submitting through a transition (instead of
 * <form action>) keeps what the person typed when the server answers with errors; the first invalid field
 * then gets focus, so keyboard and screen-reader users land on the problem. After a success the focus goes to
 * the confirmation if it would otherwise be lost.
 */
export function useActionForm<T>(
  action: FormAction<T>,
  options: {
    onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>, form: HTMLFormElement) => void;
    resetOnSuccess?: boolean;
    /**
     * Fixed values sent with the form, instead of hidden inputs: these forms post through script only (no
     * `action` attribute), so the inputs would only add markup — per row, on pages with a form in every row.
     */
    data?: Record<string, string>;
  } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { onSuccess, resetOnSuccess } = options;

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (state.ok) {
      if (resetOnSuccess) form.reset();
      onSuccess?.(state, form);
      // The submit button was disabled while the action ran, which drops the focus to the page: the
      // confirmation takes it (and is read out), unless onSuccess moved it somewhere better already.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (form.isConnected && (!active || active === document.body))
          form.querySelector<HTMLElement>("[data-form-status]")?.focus();
      });
      return;
    }
    const invalid = form.querySelector<HTMLElement>("[aria-invalid='true']");
    (invalid ?? form.querySelector<HTMLElement>("[data-form-alert]"))?.focus();
    // Only a new answer from the server should move focus; the callbacks may change on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // With the button that submitted it, as a browser's own submission would send a named button's value.
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    for (const [name, value] of Object.entries(options.data ?? {})) formData.set(name, value);
    startTransition(() => dispatch(formData));
  }

  const fieldError = (name: string): string | undefined => (state && !state.ok ? state.fieldErrors[name] : undefined);
  return { state, pending, fieldError, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
