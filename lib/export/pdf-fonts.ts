import "server-only";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * Source Sans 3 from @fontsource, embedded as subsets. Fontsource splits each style by script, so one style is
 * several files; text is cut into runs per file. fontkit subsets the .woff files cleanly, the .woff2 files
 * fail when pdfkit re-encodes composite glyphs, hence .woff.
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

/** Registers every style × script under a short name; pdfkit only embeds the ones actually used. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const style of Object.keys(STYLE_FILES) as FontStyle[]) {
    for (const script of SCRIPTS) pdf.registerFont(fontName(style, script), fontFile(style, script));
  }
}

let coverage: { script: Script; font: fontkit.Font }[] | undefined;
function coverageFonts() {
  // Every style of a script covers the same code points, so the regular files answer for all of them.
  coverage ??= SCRIPTS.map((script) => ({ script, font: fontkit.openSync(fontFile("regular", script)) as fontkit.Font }));
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
    const keep = current && (char === " " || char === "\n" || fonts.find((f) => f.script === current!.script)!.font.hasGlyphForCodePoint(cp));
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
      if (current) runs.push({ font: fontName(style, current.script), text: current.text.slice(0, current.text.length - breaks.length) });
      current = { script, text: breaks + drawn };
    }
  }
  if (current) runs.push({ font: fontName(style, current.script), text: current.text });
  return runs;
}
