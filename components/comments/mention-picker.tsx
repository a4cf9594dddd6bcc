"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/forms/action-form";

export type Mentionables = { people: { id: string; name: string }[]; organisations: { id: string; name: string }[] };

/**
 * @-mentions as an explicit, keyboard-friendly choice of people and organisations of the concept.
 * The choices are rendered when the picker is first opened, not with the page: a section with 150 threads
 * has a reply form per thread, and 60 checkboxes in each made the page several megabytes long. Once opened,
 * the choices stay in the form (closing only hides them), so ticked boxes are submitted.
 */
export function MentionPicker({ idPrefix, mentionables, error }: { idPrefix: string; mentionables: Mentionables; error?: string }) {
  const t = useTranslations("comments");
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before hydration (the native <details> works without script): render the choices now.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  if (!mentionables.people.length && !mentionables.organisations.length) return null;
  return (
    <details ref={details} className="rounded-md border border-line p-3" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer font-semibold">{t("mention")}</summary>
      {opened || error ? (
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
      ) : null}
      <FieldError id={`${idPrefix}-mentions-error`} message={error} />
    </details>
  );
}
