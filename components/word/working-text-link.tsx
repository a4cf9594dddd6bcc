import { getTranslations } from "next-intl/server";
import { ExportDownloadButton } from "@/components/export-download-button";
import { exportDownloadLabels } from "@/components/export-download-labels";

/** The whole concept's working text with suggestions as tracked changes (beside the other downloads). */
export async function WorkingTextLink({ conceptId }: { conceptId: string }) {
  const t = await getTranslations("word");
  const labels = await exportDownloadLabels();
  return (
    <p className="mt-2 text-sm">
      <ExportDownloadButton
        href={`/api/concepts/${conceptId}/working-text`}
        label={t("downloadAll")}
        labels={labels}
        fallbackName="arbeitsstand.docx"
      />{" "}
      <span className="text-muted">{t("downloadHint")}</span>
    </p>
  );
}
