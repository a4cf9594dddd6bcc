import { useTranslations } from "next-intl";
import { DiffText } from "@/components/diff/diff-text";
import { Badge } from "@/components/ui/badge";
import type { SectionComparison } from "@/lib/fassungen/compare-outlines";

/** One section in a Fassung comparison: what happened to it, in words, then its text diff. */
export function SectionComparisonView({ comparison: c }: { comparison: SectionComparison }) {
  const t = useTranslations("fassungen");
  const entry = c.after ?? c.before!;
  const headingId = `vergleich-${c.sectionId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-white p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-xl font-bold">
          {c.kind === "removed" ? t("removedNumber", { number: entry.number }) : `${entry.number}.`} {entry.title}
        </h2>
        {c.kind === "added" ? <Badge tone="ok">{t("badgeAdded")}</Badge> : null}
        {c.kind === "removed" ? <Badge tone="danger">{t("badgeRemoved")}</Badge> : null}
        {c.renamed ? <Badge tone="info">{t("badgeRenamed")}</Badge> : null}
        {c.moved ? <Badge tone="warn">{t("badgeMoved")}</Badge> : null}
        {c.ownerChanged ? <Badge tone="info">{t("badgeOwner")}</Badge> : null}
        {c.kind === "kept" && c.textChanged ? <Badge>{t("badgeText")}</Badge> : null}
      </div>
      <ul className="mt-2 text-muted">
        {c.renamed ? <li>{t("renamedFrom", { from: c.before!.title, to: c.after!.title })}</li> : null}
        {c.moved ? <li>{t("movedFrom", { from: c.before!.number, to: c.after!.number })}</li> : null}
        {c.ownerChanged ? <li>{t("ownerFrom", { from: c.before!.ownerName, to: c.after!.ownerName })}</li> : null}
        {c.kind === "kept" && c.textChanged ? (
          <li>{t("versionFrom", { from: c.before!.revisionNumber ?? 0, to: c.after!.revisionNumber ?? 0 })}</li>
        ) : null}
      </ul>
      {c.textChanged ? (
        <div className="mt-4 border-t border-line pt-4">
          <DiffText collapse parts={c.parts} label={t("diffLabel", { title: entry.title })} />
        </div>
      ) : c.kind === "kept" ? (
        <p className="mt-3 text-muted">{t("textUnchanged")}</p>
      ) : null}
    </section>
  );
}
