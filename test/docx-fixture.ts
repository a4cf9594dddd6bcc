import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";

// A 1×1 PNG: enough for Word (and mammoth) to see an image.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/**
 * A real Word document with what a section can hold — headings, a nested list, a table, a link, bold and italic —
 * and an image, which it cannot. `lead` starts the first paragraph (so two uploads can differ).
 */
export async function makeSampleDocx(lead = "Die Welcome Points beraten"): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Ziele aus Word")] }),
          new Paragraph({
            children: [
              new TextRun(`${lead} Geflüchtete `),
              new TextRun({ text: "in allen Stadtteilen", bold: true }),
              new TextRun(" und "),
              new TextRun({ text: "ohne Termin", italics: true }),
              new TextRun(". Mehr unter "),
              new ExternalHyperlink({
                link: "https://www.example.org/welcome",
                children: [new TextRun({ text: "der Projektseite", style: "Hyperlink" })],
              }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Angebote")] }),
          new Paragraph({ text: "Erstberatung", bullet: { level: 0 } }),
          new Paragraph({ text: "Begleitung zu Ämtern", bullet: { level: 1 } }),
          new Paragraph({ text: "Sprachcafé", bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Ort"), cell("Sprechzeit")] }),
              new TableRow({ children: [cell("Nordstadt"), cell("Montag")] }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun("Ein Foto der Beratungsstelle: "),
              new ImageRun({ type: "png", data: PIXEL, transformation: { width: 20, height: 20 } }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The same document made macro-enabled (.docm): a VBA project and the macro content type. */
export async function makeDocm(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await makeSampleDocx());
  zip.file("word/vbaProject.bin", Buffer.from('Attribute VB_Name = "ThisDocument"'));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.ms-word.document.macroEnabled.main+xml",
    ),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

/** What Office writes for a password-protected document: an OLE compound file (CFB), not a ZIP. */
export function makeEncryptedDocx(): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.write("EncryptedPackage", 1024, "utf16le");
  return bytes;
}

/** A ZIP bomb dressed as a Word document: small on disk, over 100 MB unpacked. */
export async function makeZipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await makeSampleDocx());
  zip.file("word/media/padding.bin", Buffer.alloc(110 * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
