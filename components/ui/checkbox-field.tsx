import type { InputHTMLAttributes } from "react";

export function CheckboxField({
  id,
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 size-4 accent-brand"
        {...input}
      />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A group of choices with a visible legend and the group's error announced with it. */
export function Fieldset({
  legend,
  error,
  errorId,
  hint,
  children,
}: {
  legend: string;
  error?: string;
  errorId: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset
      aria-describedby={
        [hint ? `${errorId}-hint` : null, error ? errorId : null].filter(Boolean).join(" ") || undefined
      }
      className="flex flex-col gap-2"
    >
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${errorId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
