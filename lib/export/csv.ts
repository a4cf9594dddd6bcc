import "server-only";
import { cleanText } from "./content-blocks";

/**
 * The one CSV writer (Synopse, audit trail). Choices: `;` as separator, because Excel with German regional
 * settings splits on the list separator `;` and would put a comma-separated file into one column; a UTF-8 BOM,
 * without which Excel reads UTF-8 as Windows-1252 (Umlaute broken); CRLF and double-quoted fields as RFC 4180
 * prescribes (RFC 4180 names the comma, but every reader takes the separator as a parameter).
 */
const BOM = "\uFEFF";
// Cells a spreadsheet would run as a formula (OWASP "CSV injection"), also behind leading blanks and in
// full-width look-alikes; tabs have already become spaces.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string): string {
  let text = cleanText(value).replace(/\n/g, "\r\n");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, one line per row, every line ended by CRLF. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(";") + "\r\n").join("");
}
