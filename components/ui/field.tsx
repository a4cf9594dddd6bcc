import type { InputHTMLAttributes } from "react";
import { describedByFor, FieldShell } from "./field-shell";

/** A labelled input with its error tied to it for screen readers (aria-describedby, aria-invalid). */
export function TextField({
  id,
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string; hint?: string }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        className="rounded-md border border-muted bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger"
        {...input}
      />
    </FieldShell>
  );
}
