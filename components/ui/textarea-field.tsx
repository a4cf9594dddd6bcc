import type { TextareaHTMLAttributes } from "react";
import { describedByFor, FieldShell } from "./field-shell";

export function TextAreaField({
  id,
  label,
  error,
  hint,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; error?: string; hint?: string }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        className="rounded-md border border-muted bg-white px-3 py-2 text-base leading-relaxed aria-[invalid=true]:border-danger"
        {...textarea}
      />
    </FieldShell>
  );
}
