import { getTranslations } from "next-intl/server";
import { ExportDownloadButton } from "@/components/export-download-button";
import { exportDownloadLabels } from "@/components/export-download-labels";
import { WordImportForm } from "./word-import-form";

/** The section's Word part: its working text with suggestions as tracked changes, and uploading a .docx. */
export async function WordPanel({
  conceptId,
  sectionId,
  importAs,
  mayExport,
}: {
  conceptId: string;
  sectionId: string;
  importAs: "revision" | "suggestions" | null;
  mayExport: boolean;
}) {
  if (!importAs && !mayExport) return null;
  const t = await getTranslations("word");
  return (
    <section aria-labelledby="word" className="mt-8 rounded-lg border border-line bg-white p-6">
      <h2 id="word" className="text-xl font-bold">
        {t("title")}
      </h2>
      {mayExport ? (
        <p className="mt-2">
          <ExportDownloadButton
            href={`/api/concepts/${conceptId}/working-text?section=${sectionId}`}
            label={t("download")}
            labels={await exportDownloadLabels()}
            fallbackName="abschnitt.docx"
          />{" "}
          <span className="text-muted">{t("downloadHint")}</span>
        </p>
      ) : null}
      {importAs ? (
        <>
          <h3 className="mt-4 text-lg font-bold">{t("importTitle")}</h3>
          <WordImportForm conceptId={conceptId} sectionId={sectionId} importAs={importAs} />
        </>
      ) : null}
    </section>
  );
}
