import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderDocx } from "@/lib/export/render-docx";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { renderPdf } from "@/lib/export/render-pdf";
import { renderSynopseCsv } from "@/lib/export/render-synopse";
import { sampleExportDocument } from "@/demo/sample-export-document";

/** Renders the Welcome Points sample in every export format, to look at the output: `npm run export:sample -- /tmp`. */
const dir = process.argv[2] ?? ".";
const doc = sampleExportDocument();
const outputs: [string, Buffer | string][] = [
  ["sample.pdf", await renderPdf(doc)],
  ["sample.docx", await renderDocx(doc)],
  ["sample.md", renderMarkdown(doc)],
  ["sample-synopse.csv", renderSynopseCsv(doc.synopse ?? [])],
];
for (const [name, data] of outputs) {
  await writeFile(path.join(dir, name), data);
  console.log(path.join(dir, name));
}
