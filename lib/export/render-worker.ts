import { parentPort } from "node:worker_threads";
import type { ExportDocument } from "./export-document";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";
import { renderSynopseDocx, renderSynopsePdf, type SynopseExport } from "./render-synopse";

/** The worker side of renderInWorker(): renders one job per message, off the server's event loop. */
export type RenderJob =
  { kind: "pdf" | "docx"; document: ExportDocument } | { kind: "synopsePdf" | "synopseDocx"; synopse: SynopseExport };
export type RenderRequest = { id: number; job: RenderJob };
export type RenderResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

function render(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case "pdf":
      return renderPdf(job.document);
    case "docx":
      return renderDocx(job.document);
    case "synopsePdf":
      return renderSynopsePdf(job.synopse);
    case "synopseDocx":
      return renderSynopseDocx(job.synopse);
  }
}

parentPort?.on("message", async (request: RenderRequest) => {
  try {
    const body = await render(request.job);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    parentPort!.postMessage({ id: request.id, ok: true, bytes } satisfies RenderResponse);
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies RenderResponse);
  }
});
