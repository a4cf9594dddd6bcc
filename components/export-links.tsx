import { getTranslations } from "next-intl/server";
import { ExportDownloadButton } from "./export-download-button";
import { exportDownloadLabels } from "./export-download-labels";

/** Download links for the current state or a Fassung; the server decides what each person may export. */
export async function ExportLinks({ conceptId, version }: { conceptId: string; version: string }) {
  const t = await getTranslations("export");
  const labels = await exportDownloadLabels();
  return (
    <nav aria-label={t("label")} className="mt-3 text-sm">
      <span className="font-semibold">{t("label")}:</span>{" "}
      {(["pdf", "docx", "md"] as const).map((format, i) => (
        <span key={format}>
          {i > 0 ? " · " : null}
          <ExportDownloadButton
            href={`/api/concepts/${conceptId}/export?format=${format}&version=${version}`}
            label={t(format)}
            labels={labels}
            fallbackName={`export.${format}`}
          />
        </span>
      ))}
    </nav>
  );
}

/** The whole concept as a JSON backup (lead and admins; see npm run concept:import). */
export async function BackupLink({ conceptId }: { conceptId: string }) {
  const t = await getTranslations("export");
  return (
    <p className="mt-4 text-sm">
      <ExportDownloadButton
        href={`/api/concepts/${conceptId}/export?format=json`}
        label={t("json")}
        labels={await exportDownloadLabels()}
        fallbackName="sicherung.json"
      />{" "}
      <span className="text-muted">{t("jsonHint")}</span>
    </p>
  );
}
