import { useTranslations } from "next-intl";
import { collapseUnchanged, type DisplayPart } from "@/lib/diff/collapse-unchanged";
import type { DiffPart } from "@/lib/diff/word-diff";

/**
 * A word diff as running text: insertions in <ins>, deletions in <del>, each starting with visually hidden
 * words for screen readers ("Eingefügt:", "Gelöscht:") and marked by underline and strike-through, not
 * by colour alone. Works in server and client components alike.
 */
export function DiffText({
  parts,
  label,
  id,
  collapse = false,
}: {
  parts: DiffPart[];
  label: string;
  id?: string;
  collapse?: boolean;
}) {
  const t = useTranslations("diff");
  if (!parts.some((p) => p.kind !== "same")) {
    return <p className="text-muted">{t("noTextChanges")}</p>;
  }
  const shown: DisplayPart[] = collapse ? collapseUnchanged(parts) : parts;
  return (
    <div id={id} role="group" aria-label={label} className="diff-text rich-text whitespace-pre-wrap">
      {shown.map((part, i) =>
        part.kind === "skip" ? (
          <span key={i} className="diff-skip">
            {t("skipped", { chars: part.chars })}
          </span>
        ) : part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "ins" ? (
          <ins key={i}>
            <span className="sr-only">{t("insertedStart")} </span>
            {part.text}
            <span className="sr-only"> {t("insertedEnd")}</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="sr-only">{t("deletedStart")} </span>
            {part.text}
            <span className="sr-only"> {t("deletedEnd")}</span>
          </del>
        ),
      )}
    </div>
  );
}

/** The key to the marks, shown once above diffs. */
export function DiffLegend() {
  const t = useTranslations("diff");
  return (
    <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
      <span>
        <ins className="diff-ins-sample">{t("legendInserted")}</ins>
      </span>
      <span>
        <del className="diff-del-sample">{t("legendDeleted")}</del>
      </span>
    </p>
  );
}
