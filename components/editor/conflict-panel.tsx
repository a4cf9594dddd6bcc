"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { DiffText } from "@/components/diff/diff-text";
import { Button } from "@/components/ui/button";
import type { DiffPart } from "@/lib/diff/word-diff";

/** The conflict as the server describes it (dates arrive as strings over JSON). */
export type ConflictView = {
  baseVersion: number;
  currentVersion: number;
  changes: {
    number: number;
    authorName: string | null;
    organisationName: string | null;
    createdAt: string;
    note: string | null;
  }[];
  theirs: DiffPart[];
  mine: DiffPart[];
  currentContent: Record<string, unknown>;
  merged: Record<string, unknown> | null;
  overlaps: number;
};

/**
 * Shown after a refused save: nothing was overwritten, the user's text is still in the editor below.
 * It shows what the others changed (word diff, base → current) and what the user changed, offers the
 * paragraph-level merge when the two did not touch the same paragraphs, and otherwise asks for a manual
 * merge. The next save goes against the new base.
 */
export function ConflictPanel({
  conflict,
  merged,
  onMerge,
}: {
  conflict: ConflictView;
  merged: boolean;
  onMerge: () => void;
}) {
  const t = useTranslations("conflict");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [conflict.currentVersion]);

  const who = conflict.changes.map((c) =>
    t("changeBy", {
      number: c.number,
      name: c.authorName ?? "—",
      organisation: c.organisationName ?? "—",
      when: format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" }),
    }),
  );

  return (
    <section aria-labelledby="konflikt-titel" className="mb-6 rounded-lg border-2 border-warn bg-[#fffaf0] p-5">
      <h2 id="konflikt-titel" ref={heading} tabIndex={-1} className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2">{t("intro", { base: conflict.baseVersion, current: conflict.currentVersion })}</p>
      <ul className="mt-2 list-disc pl-6">
        {who.map((line, i) => (
          <li key={conflict.changes[i]!.number}>
            {line}
            {conflict.changes[i]!.note ? <span className="text-muted"> – „{conflict.changes[i]!.note}“</span> : null}
          </li>
        ))}
      </ul>

      <h3 className="mt-5 text-lg font-bold">
        {t("theirsTitle", { base: conflict.baseVersion, current: conflict.currentVersion })}
      </h3>
      <div className="mt-2 rounded-md border border-line bg-white p-4">
        <DiffText
          collapse
          parts={conflict.theirs}
          label={t("theirsTitle", { base: conflict.baseVersion, current: conflict.currentVersion })}
        />
      </div>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold">{t("mineTitle", { base: conflict.baseVersion })}</summary>
        <div className="mt-2 rounded-md border border-line bg-white p-4">
          <DiffText collapse parts={conflict.mine} label={t("mineTitle", { base: conflict.baseVersion })} />
        </div>
      </details>

      <div className="mt-5 rounded-md bg-white p-4">
        {merged ? (
          <p className="font-semibold text-ok" role="status">
            {t("mergedDone")}
          </p>
        ) : conflict.merged ? (
          <>
            <p>{t("mergeable")}</p>
            <Button type="button" className="mt-3" onClick={onMerge}>
              {t("merge")}
            </Button>
          </>
        ) : (
          <p>{t("overlapping", { count: conflict.overlaps })}</p>
        )}
        <p className="mt-3 text-sm text-muted">{t("saveHint", { current: conflict.currentVersion })}</p>
      </div>
    </section>
  );
}
