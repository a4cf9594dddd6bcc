"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/forms/action-form";
import { LazyDetails } from "@/components/ui/lazy-details";

export type Mentionables = { people: { id: string; name: string }[]; organisations: { id: string; name: string }[] };

/**
 * @-mentions as an explicit, keyboard-friendly choice of people and organisations of the concept. The choices
 * are rendered when the picker is first opened (a reply form per thread, 60 checkboxes in each, made long
 * sections several megabytes of HTML).
 */
export function MentionPicker({
  idPrefix,
  mentionables,
  error,
}: {
  idPrefix: string;
  mentionables: Mentionables;
  error?: string;
}) {
  const t = useTranslations("comments");
  if (!mentionables.people.length && !mentionables.organisations.length) return null;
  return (
    <LazyDetails
      className="rounded-md border border-line p-3"
      summaryClassName="cursor-pointer font-semibold"
      summary={t("mention")}
      always={Boolean(error)}
      after={<FieldError id={`${idPrefix}-mentions-error`} message={error} />}
    >
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-semibold text-muted">{t("mentionPeople")}</legend>
          {mentionables.people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="mentionUsers" value={p.id} id={`${idPrefix}-u-${p.id}`} /> @{p.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold text-muted">{t("mentionOrganisations")}</legend>
          {mentionables.organisations.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="mentionOrganisations" value={o.id} id={`${idPrefix}-o-${o.id}`} /> @{o.name}
            </label>
          ))}
        </fieldset>
      </div>
    </LazyDetails>
  );
}
