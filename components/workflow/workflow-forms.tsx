"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

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

/** The lead's buttons to move one section's status (Entwurf → Zur Abstimmung → Abgestimmt, or back). */
export function SectionStatusForm({
  action,
  conceptId,
  sectionId,
  title,
  from,
  moves,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  sectionId: string;
  title: string;
  from: string;
  moves: readonly string[];
}) {
  const t = useTranslations("workflow");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <div className="flex flex-wrap gap-2">
      {moves.map((to) => (
        <form key={to} {...formProps} ref={to === moves[0] ? formProps.ref : undefined}>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="sectionId" value={sectionId} />
          <input type="hidden" name="title" value={title} />
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="to" value={to} />
          <Button
            type="submit"
            variant={to === "entwurf" ? "secondary" : "primary"}
            disabled={pending}
            className="px-2 py-1 text-sm"
          >
            {t(`sectionMove.${to}` as "sectionMove.entwurf")}
            <span className="sr-only">: {title}</span>
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
  counts,
}: {
  action: FormAction<unknown>;
  conceptId: string;
  counts: { entwurf: number; zur_abstimmung: number };
}) {
  const t = useTranslations("workflow");
  const moves = [
    { to: "zur_abstimmung", count: counts.entwurf, label: t("bulkMove.zur_abstimmung", { count: counts.entwurf }) },
    {
      to: "abgestimmt",
      count: counts.zur_abstimmung,
      label: t("bulkMove.abgestimmt", { count: counts.zur_abstimmung }),
    },
  ].filter((m) => m.count > 0);
  if (!moves.length) return null;
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
