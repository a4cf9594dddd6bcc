import "server-only";
import JSZip from "jszip";
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { htmlToContent } from "./html-to-content";

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
// OLE/CFB: a password-protected .docx (Office wraps the encrypted package in one) or an old binary .doc.
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** What the editor cannot hold, found in the file: shown to the uploader before anything is stored. */
export type DroppedPart =
  | "images"
  | "comments"
  | "footnotes"
  | "endnotes"
  | "fields"
  | "trackedChanges"
  | "textBoxes"
  | "headersFooters"
  | "formatting";

export type ReadDocx = {
  content: { type: "doc"; content?: unknown[] };
  text: string;
  dropped: { part: DroppedPart; count: number }[];
  /** mammoth's own warnings (unknown styles and the like), as it words them. */
  warnings: string[];
};

const count = (xml: string | undefined, pattern: RegExp) => (xml ? (xml.match(pattern) ?? []).length : 0);

/**
 * Checks that the bytes are a plain Word document (.docx: a ZIP with `[Content_Types].xml` and
 * `word/document.xml`, no macros, not encrypted, at most 10 MB) and opens it. Refusals are German VALIDATION errors.
 */
async function openDocx(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw new AppError("VALIDATION", "appError.word.tooLarge", { max: 10 });
  if (startsWith(bytes, CFB_SIGNATURE)) throw new AppError("VALIDATION", "appError.word.encrypted");
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new AppError("VALIDATION", "appError.word.notDocx");
  let zip: JSZip;
  try {
    // No CRC check here: it would inflate every part before the sizes below are known.
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError("VALIDATION", "appError.word.damaged");
  }
  // A ZIP bomb (a few KB that unpack to gigabytes) is refused by the sizes its directory declares.
  const unpacked = Object.values(zip.files).reduce(
    (sum, file) => sum + ((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new AppError("VALIDATION", "appError.word.unpackedTooLarge", { max: MAX_UNPACKED_BYTES / 1024 / 1024 });
  const types = zip.file("[Content_Types].xml");
  if (!types || !zip.file("word/document.xml")) throw new AppError("VALIDATION", "appError.word.notDocx");
  const typesXml = await types.async("string").catch(() => {
    throw new AppError("VALIDATION", "appError.word.damaged");
  });
  const hasMacros =
    /macroEnabled/i.test(typesXml) || Object.keys(zip.files).some((name) => /(^|\/)vbaProject\.bin$/i.test(name));
  if (hasMacros) throw new AppError("VALIDATION", "appError.word.macros");
  if (!/wordprocessingml\.document\.main\+xml/.test(typesXml))
    throw new AppError("VALIDATION", "appError.word.notDocx");
  return zip;
}

async function partText(zip: JSZip, name: string): Promise<string | undefined> {
  try {
    return await zip.file(name)?.async("string");
  } catch {
    throw new AppError("VALIDATION", "appError.word.damaged");
  }
}

/** Parts of the file mammoth leaves out or flattens, counted in the package's XML. */
async function detectDropped(zip: JSZip, images: number): Promise<ReadDocx["dropped"]> {
  const document = await partText(zip, "word/document.xml");
  const footnotes = await partText(zip, "word/footnotes.xml");
  const endnotes = await partText(zip, "word/endnotes.xml");
  const comments = await partText(zip, "word/comments.xml");
  const notes = (xml: string | undefined, tag: string) =>
    count(xml, new RegExp(`<w:${tag}\\b(?![^>]*w:type="(?:separator|continuationSeparator|continuationNotice)")`, "g"));
  const found: ReadDocx["dropped"] = [
    { part: "images", count: Math.max(images, count(document, /<w:drawing\b|<w:pict\b/g)) },
    { part: "comments", count: count(comments, /<w:comment\b/g) },
    { part: "footnotes", count: notes(footnotes, "footnote") },
    { part: "endnotes", count: notes(endnotes, "endnote") },
    { part: "fields", count: count(document, /<w:fldSimple\b|<w:fldChar\b[^>]*w:fldCharType="begin"/g) },
    { part: "trackedChanges", count: count(document, /<w:(?:ins|del)\b/g) },
    { part: "textBoxes", count: count(document, /<w:txbxContent\b/g) },
    {
      part: "headersFooters",
      count: Object.keys(zip.files).filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name)).length,
    },
    {
      part: "formatting",
      count: count(document, /<w:(?:u|strike|dstrike|highlight)\b(?![^>]*w:val="(?:none|false|0)")/g),
    },
  ];
  return found.filter((d) => d.count > 0);
}

/**
 * A Word document → section content: mammoth turns it into HTML, which is sanitised and parsed with the editor's
 * own schema (`htmlToContent`), then validated like every save. Lists what the editor cannot hold.
 */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await openDocx(bytes);
  let images = 0;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          images += 1;
          return { src: "" };
        }),
      },
    );
  } catch {
    throw new AppError("VALIDATION", "appError.word.damaged");
  }
  const dropped = await detectDropped(zip, images);
  const { content, text } = htmlToContent(result.value);
  const warnings = [...new Set(result.messages.map((m) => m.message))].slice(0, 20);
  return { content, text, dropped, warnings };
}
