"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { StoredDraft } from "./draft-storage";

/** Offers an unsaved draft found in this browser; the editor stays locked until the user decides. */
export function DraftOffer({
  draft,
  currentVersion,
  onRestore,
  onDiscard,
}: {
  draft: StoredDraft;
  currentVersion: number;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("draft");
  const format = useFormatter();
  const when = draft.savedAt
    ? format.dateTime(new Date(draft.savedAt), { dateStyle: "medium", timeStyle: "short" })
    : "—";
  return (
    <section aria-labelledby="entwurf-titel" className="mt-4 rounded-lg border-2 border-brand bg-[#e7f0fb] p-5">
      <h2 id="entwurf-titel" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2">{t("body", { when, version: draft.baseVersion })}</p>
      {draft.baseVersion !== currentVersion ? (
        <p className="mt-2 font-semibold">{t("newerOnServer", { version: currentVersion })}</p>
      ) : null}
      <p className="mt-2 text-sm text-muted">{t("locked")}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" onClick={onRestore}>
          {t("restore")}
        </Button>
        <Button type="button" variant="secondary" onClick={onDiscard}>
          {t("discard")}
        </Button>
      </div>
    </section>
  );
}
