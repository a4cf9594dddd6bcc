"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

export type FormAction = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action: success in a status region, failure as an alert, field errors tied to
 * their inputs by the caller through `fieldErrors`. Resets its fields after success when asked.
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
}: {
  action: FormAction;
  children: (state: ActionResult<unknown> | null) => ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form ref={form} action={formAction} className={className}>
      {children(state)}
      <div role="status" className="basis-full">
        {state?.ok && state.message ? <p className="font-semibold text-ok">{state.message}</p> : null}
      </div>
      <div role="alert" className="basis-full">
        {state && !state.ok ? <p className="rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger">{state.message}</p> : null}
      </div>
    </form>
  );
}

export function SubmitButton({ children, variant, ...rest }: { children: ReactNode; variant?: "primary" | "secondary" | "danger"; "aria-describedby"?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending || undefined} {...rest}>
      {children}
    </Button>
  );
}
