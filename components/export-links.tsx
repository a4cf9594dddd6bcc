import { getTranslations } from "next-intl/server";

/** Download links for the current state or a Fassung; the server decides what each person may export. */
export async function ExportLinks({ conceptId, version }: { conceptId: string; version: string }) {
  const t = await getTranslations("export");
  return (
    <nav aria-label={t("label")} className="mt-3 text-sm">
      <span className="font-semibold">{t("label")}:</span>{" "}
      {(["pdf", "docx", "md"] as const).map((format, i) => (
        <span key={format}>
          {i > 0 ? " · " : null}
          <a href={`/api/concepts/${conceptId}/export?format=${format}&version=${version}`} download>
            {t(format)}
          </a>
        </span>
      ))}
    </nav>
  );
}
