import { parentPort } from "node:worker_threads";
import type { ExportDocument } from "./export-document";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";

/** The worker side of renderInWorker(): renders one document per message, off the server's event loop. */
export type RenderRequest = { id: number; format: "pdf" | "docx"; document: ExportDocument };
export type RenderResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

parentPort?.on("message", async (request: RenderRequest) => {
  try {
    const body = request.format === "pdf" ? await renderPdf(request.document) : await renderDocx(request.document);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    parentPort!.postMessage({ id: request.id, ok: true, bytes } satisfies RenderResponse);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderResponse);
  }
});
