"use client";

import { useTranslations } from "next-intl";
import type { LiveUser } from "./live-extensions";

export type PresentUser = LiveUser & { clientId: number };

/** Who else has the section open right now (from the live connection's awareness), each with their cursor colour. */
export function LivePresence({ people }: { people: PresentUser[] }) {
  const t = useTranslations("presence");
  if (people.length === 0) return <p className="text-sm text-muted">{t("alone")}</p>;
  return (
    <section aria-label={t("label")} className="rounded-md border border-line bg-white px-3 py-2">
      <p className="text-sm font-semibold">{t("here", { count: people.length })}</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {people.map((person) => (
          <li key={person.clientId} className="flex items-center gap-2 text-sm">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full"
              style={{ background: person.color }}
            />
            {person.organisation ? `${person.name} (${person.organisation})` : person.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
