import type { SelectHTMLAttributes } from "react";
import { describedByFor, FieldShell } from "./field-shell";

export type Option = { value: string; label: string };

/** A labelled select with its error tied to it (aria-describedby, aria-invalid), like TextField. */
export function SelectField({
  id,
  label,
  error,
  hint,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  options: readonly Option[];
  placeholder?: string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        className="rounded-md border border-muted bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger"
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
