import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import * as fontkit from "fontkit";

/**
 * Source Sans 3 from @fontsource, embedded as subsets. Fontsource splits each style by script, so one style is
 * several files; text is cut into runs per file. fontkit subsets the .woff files cleanly, the .woff2 files
 * fail when pdfkit re-encodes composite glyphs, hence .woff, unpacked once per process to plain TrueType:
 * fontkit would otherwise inflate every WOFF table in JavaScript for every document (most of the render time).
 */
export type FontStyle = "regular" | "bold" | "italic" | "boldItalic" | "semibold";

const STYLE_FILES: Record<FontStyle, string> = {
  regular: "400-normal",
  bold: "700-normal",
  italic: "400-italic",
  boldItalic: "700-italic",
  semibold: "600-normal",
};

// Order matters: the first script whose file has the glyph wins. Cyrillic and Greek cover names of people
// from Ukraine and Greece, common in this field.
const SCRIPTS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"] as const;
type Script = (typeof SCRIPTS)[number];

const FONT_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "source-sans-3", "files");

export function fontFile(style: FontStyle, script: Script = "latin"): string {
  return path.join(FONT_DIR, `source-sans-3-${script}-${STYLE_FILES[style]}.woff`);
}

export function fontName(style: FontStyle, script: Script): string {
  return `${style}-${script}`;
}

/** WOFF 1.0 → the sfnt (TrueType) it wraps: the same tables, inflated with zlib, behind a plain table directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF file");
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(2 ** log2 * 16, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    table.tag.copy(header, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const sfntCache = new Map<string, Buffer>();
function sfnt(style: FontStyle, script: Script): Buffer {
  const file = fontFile(style, script);
  let data = sfntCache.get(file);
  if (!data) {
    data = woffToSfnt(readFileSync(file));
    sfntCache.set(file, data);
  }
  return data;
}

/** Registers every style × script under a short name; pdfkit only embeds the ones a document uses. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const style of Object.keys(STYLE_FILES) as FontStyle[]) {
    for (const script of SCRIPTS) pdf.registerFont(fontName(style, script), sfnt(style, script));
  }
}

export function defaultFont(): Buffer {
  return sfnt("regular", "latin");
}

let coverage: { script: Script; font: fontkit.Font }[] | undefined;
function coverageFonts() {
  // Every style of a script covers the same code points, so the regular files answer for all of them.
  coverage ??= SCRIPTS.map((script) => ({ script, font: fontkit.create(sfnt("regular", script)) as fontkit.Font }));
  return coverage;
}

// Fast path: Latin-1 and the punctuation German text uses are all in the latin file.
const LATIN_ONLY = /^[\u0000-\u00FF\u2010-\u2027\u2030-\u203A\u20AC\u2122\u0152\u0153\u0131]*$/;

export type FontRun = { font: string; text: string };

/** Splits text into runs that each one embedded file can draw; code points no file has become "?". */
export function fontRuns(text: string, style: FontStyle): FontRun[] {
  if (LATIN_ONLY.test(text)) return text ? [{ font: fontName(style, "latin"), text }] : [];
  const fonts = coverageFonts();
  const runs: FontRun[] = [];
  let current: { script: Script; text: string } | undefined;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const keep =
      current &&
      (char === " " || char === "\n" || fonts.find((f) => f.script === current!.script)!.font.hasGlyphForCodePoint(cp));
    if (keep && current) {
      current.text += char;
      continue;
    }
    const blank = char === " " || char === "\n";
    const match = blank ? fonts[0] : fonts.find((f) => f.font.hasGlyphForCodePoint(cp));
    const script = match?.script ?? "latin";
    const drawn = match ? char : "?";
    if (current?.script === script) current.text += drawn;
    else if (current && !current.text.trim()) current = { script, text: current.text + drawn };
    else {
      // Line breaks travel to the start of the next run: pdfkit ignores one at the end of a continued fragment.
      const breaks = /\n*$/.exec(current?.text ?? "")![0];
      if (current)
        runs.push({
          font: fontName(style, current.script),
          text: current.text.slice(0, current.text.length - breaks.length),
        });
      current = { script, text: breaks + drawn };
    }
  }
  if (current) runs.push({ font: fontName(style, current.script), text: current.text });
  return runs;
}
