import "server-only";
import { AppError } from "@/lib/errors";
import { toSynopseRows } from "@/lib/synopse/list-synopse";
import { renderSynopseInWorker } from "./render-in-worker";
import { renderSynopseCsv } from "./render-synopse";

const SYNOPSE_TYPES = {
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export type SynopseFormat = keyof typeof SYNOPSE_TYPES;

/** The format a Synopse download asks for with `?format=` (CSV when none); anything else is refused. */
export function parseSynopseFormat(request: Request): SynopseFormat {
  const requested = new URL(request.url).searchParams.get("format") ?? "csv";
  if (!Object.hasOwn(SYNOPSE_TYPES, requested))
    throw new AppError("VALIDATION", "appError.export.unknownSynopseFormat");
  return requested as SynopseFormat;
}

type SynopseDownload = {
  conceptTitle: string;
  versionLabel: string;
  generatedAt: string;
  entries: Parameters<typeof toSynopseRows>[0];
  /** Names the file: `Synopse-<fileStem>.<format>`, reduced to safe characters. */
  fileStem: string;
};

/** The whole Synopse as an attachment: CSV here, PDF and DOCX from the render worker; never cached. */
export async function synopseResponse(format: SynopseFormat, download: SynopseDownload): Promise<Response> {
  const rows = toSynopseRows(download.entries);
  const body =
    format === "csv"
      ? Buffer.from(renderSynopseCsv(rows), "utf8")
      : await renderSynopseInWorker(format, {
          conceptTitle: download.conceptTitle,
          versionLabel: download.versionLabel,
          generatedAt: download.generatedAt,
          rows,
        });
  const name = `Synopse-${download.fileStem.replace(/[^A-Za-z0-9._-]+/g, "-")}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": SYNOPSE_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
