import { afterAll, describe, expect, it } from "vitest";
import { renderInWorker, renderSynopseInWorker, stopRenderWorker } from "./render-in-worker";
import { renderPdf } from "./render-pdf";
import { SAMPLE_SYNOPSE, sampleExportDocument } from "@/demo/sample-export-document";

/** A long concept: the sample's sections repeated until rendering takes seconds. */
function largeDocument() {
  const sample = sampleExportDocument();
  const sections = Array.from({ length: 4 }, (_, round) =>
    sample.sections.map((s, i) => ({ ...s, number: round * sample.sections.length + i + 1 })),
  ).flat();
  return { ...sample, sections };
}

/** Runs the work while a 10 ms ticker measures the longest gap between its ticks: how long other requests would wait. */
async function measure<T>(work: () => Promise<T>) {
  let last = performance.now();
  let maxDelayMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxDelayMs = Math.max(maxDelayMs, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 30));
  clearInterval(ticker);
  return { result, ms, maxDelayMs };
}

afterAll(() => stopRenderWorker());

describe("rendering in a worker thread", () => {
  it("keeps the event loop free while a long PDF renders (in-process rendering blocks it)", async () => {
    const doc = largeDocument();
    await renderInWorker("pdf", { ...doc, sections: doc.sections.slice(0, 2) }); // start-up of the worker
    const inWorker = await measure(() => renderInWorker("pdf", doc));
    const inProcess = await measure(() => renderPdf(doc));
    console.log(
      `PDF mit ${doc.sections.length} Abschnitten: Worker ${inWorker.ms.toFixed(0)} ms (größte Event-Loop-Verzögerung ${inWorker.maxDelayMs.toFixed(0)} ms), im Hauptthread ${inProcess.ms.toFixed(0)} ms (Verzögerung ${inProcess.maxDelayMs.toFixed(0)} ms)`,
    );
    expect(inWorker.result.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(inWorker.result.length).toBeGreaterThan(100_000);
    // The control: in the request the whole render blocks the loop (how long depends on the machine's speed);
    // in the worker the loop only ever waits a fraction of that.
    expect(inProcess.maxDelayMs).toBeGreaterThan(Math.max(300, 4 * inWorker.maxDelayMs));
    expect(inWorker.maxDelayMs).toBeLessThan(300);
  }, 180_000);

  it("renders the Synopse as PDF and DOCX in the worker", async () => {
    const input = { conceptTitle: "Welcome Points", generatedAt: "2022-05-17T10:00:00.000Z", rows: SAMPLE_SYNOPSE };
    expect((await renderSynopseInWorker("pdf", input)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await renderSynopseInWorker("docx", input)).subarray(0, 2).toString("latin1")).toBe("PK");
  }, 120_000);

  it("renders DOCX too and reports a renderer failure as an error, after which the worker still works", async () => {
    const docx = await renderInWorker("docx", sampleExportDocument());
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    await expect(renderInWorker("pdf", { ...sampleExportDocument(), sections: null } as never)).rejects.toThrow();
    const again = await renderInWorker("pdf", sampleExportDocument());
    expect(again.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 120_000);
});
