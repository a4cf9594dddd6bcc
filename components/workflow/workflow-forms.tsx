"use client";

import { createContext, use } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SECTION_STATUS_MOVES, type SectionStatus } from "@/lib/workflow/section-status";

/** One workflow step as a button; the server decides, the answer is announced beside it. */
export function TransitionForm({
  action,
  conceptId,
  transition,
  label,
  variant = "primary",
}: {
  action: FormAction<unknown>;
  conceptId: string;
  transition: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-col gap-2">
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="transition" value={transition} />
      <div>
        <Button type="submit" variant={variant} disabled={pending} aria-busy={pending || undefined}>
          {label}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** A status move with its label, translated on the server (the overview sends the client no workflow messages). */
type Move = { to: string; label: string };

type SectionMoves = { action: FormAction<unknown>; conceptId: string; labels: Record<SectionStatus, string> };
const SectionMovesContext = createContext<SectionMoves | null>(null);

/**
 * What every section row's status buttons share — the action, the concept and the label of each move — given once
 * around the table instead of to each row; null where this person moves no sections.
 */
export function SectionStatusMoves({ moves, children }: { moves: SectionMoves | null; children: React.ReactNode }) {
  return <SectionMovesContext value={moves}>{children}</SectionMovesContext>;
}

/** The lead's buttons to move one section's status (Entwurf → Zur Abstimmung → Abgestimmt, or back). */
export function SectionStatusForm({
  sectionId,
  title,
  from,
}: {
  sectionId: string;
  title: string;
  from: SectionStatus;
}) {
  const { action, conceptId, labels } = use(SectionMovesContext)!;
  const { state, pending, formProps } = useActionForm(action, { data: { conceptId, sectionId, title, from } });
  return (
    <div className="flex flex-wrap gap-2">
      {SECTION_STATUS_MOVES[from].map((to, i) => (
        <form key={to} {...formProps} ref={i === 0 ? formProps.ref : undefined}>
          <Button
            type="submit"
            name="to"
            value={to}
            variant={to === "entwurf" ? "secondary" : "primary"}
            disabled={pending}
            className="text-sm"
          >
            {labels[to]}
            <span className="sr-only">{`: ${title}`}</span>
          </Button>
        </form>
      ))}
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </div>
  );
}

/** The lead's bulk moves: every section in Entwurf to "zur Abstimmung", or every one up for agreement to "abgestimmt". */
export function BulkSectionStatusForm({
  action,
  conceptId,
  moves,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  /** Only the moves that apply now, each labelled with its count. */
  moves: readonly Move[];
}) {
  return (
    <div className="mt-4 flex flex-wrap gap-4">
      {moves.map((m) => (
        <BulkMove key={m.to} action={action} conceptId={conceptId} to={m.to} label={m.label} />
      ))}
    </div>
  );
}
function BulkMove({
  action,
  conceptId,
  to,
  label,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  to: string;
  label: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-col gap-2">
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="to" value={to} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
          {label}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
