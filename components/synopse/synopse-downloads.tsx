import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export const SYNOPSE_FORMATS = ["csv", "pdf", "docx"] as const;

/** The Synopse as CSV, PDF and DOCX: `href` is the download route, the format is appended. */
export async function SynopseDownloads({
  href,
  label,
  className = "flex flex-wrap gap-3",
}: {
  href: string;
  label: string;
  className?: string;
}) {
  const t = await getTranslations("synopse");
  return (
    <ul className={className} aria-label={label}>
      {SYNOPSE_FORMATS.map((format) => (
        <li key={format}>
          <a href={`${href}?format=${format}`} className={buttonClass("ghost", "underline")} download>
            {t("download", { format: format.toUpperCase() })}
          </a>
        </li>
      ))}
    </ul>
  );
}
