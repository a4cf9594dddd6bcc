/** Pure helpers of the full-text search: input rules, prefix matching on German stems, snippet markers. */

export const MAX_QUERY_LENGTH = 200;

export type ParsedQuery = { ok: true; q: string } | { ok: false; reason: "empty" | "tooLong" };

/** Marks ts_headline puts around matches and the stand-in for "<"; private-use characters, removed from input. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
export const LT = "\uE002";
// NUL cannot be stored or sent in PostgreSQL text; other control characters carry no search meaning.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000-\uE002]/g;

/** Trimmed, without characters PostgreSQL refuses; empty and over-long queries are reported, never thrown. */
export function parseSearchQuery(raw: unknown): ParsedQuery {
  const text = typeof raw === "string" ? raw : Array.isArray(raw) && typeof raw[0] === "string" ? raw[0] : "";
  const q = text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (!q) return { ok: false, reason: "empty" };
  if ([...q].length > MAX_QUERY_LENGTH) return { ok: false, reason: "tooLong" };
  return { ok: true, q };
}

const LEXEME = /'((?:[^'\\]|''|\\.)*)'/g;
const quoteLexeme = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * Turns websearch_to_tsquery's output into prefix matches on the stems: the German Snowball stemmer leaves
 * Latin plurals apart ("Familienzentren" → familienzentr, "Familienzentrum" → familienzentrum), so
 * familienzentr:* finds both; a stem ending in "um" also looks for its "-en" plural. Stems shorter than
 * four letters stay exact, so short words do not match half the text.
 */
export function prefixTsquery(tsquery: string): string {
  return tsquery.replace(LEXEME, (token: string, inner: string) => {
    const letters = inner.replace(/''/g, "'").replace(/\\(.)/g, "$1");
    if ([...letters].length < 4) return token;
    if (/um$/.test(letters) && [...letters].length >= 6)
      return `( ${token}:* | ${quoteLexeme(letters.slice(0, -2))}:* )`;
    return `${token}:*`;
  });
}

export type SnippetSegment = { text: string; mark: boolean };

/** ts_headline's output as text segments; the page renders marked ones as <mark>, all as escaped text. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let mark = false;
  for (const part of headline.replaceAll(LT, "<").split(new RegExp(`(${MARK_START}|${MARK_END})`))) {
    if (part === MARK_START) mark = true;
    else if (part === MARK_END) mark = false;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.mark === mark) last.text += part;
      else segments.push({ text: part, mark });
    }
  }
  return segments;
}

const TSQUERY_TOKEN = /'(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?|[!()]|[^\s'()!]+/g;
const LETTER_VARIANTS: Record<string, string> = { a: "[aäÄ]", o: "[oöÖ]", u: "[uüÜ]" };
// Letters and digits that may stand before a word's first letter inside a token; "[[:alnum:]]" alone is ASCII-only under the C locale.
const NOT_AFTER_LETTER = "(?<![[:alnum:]äöüÄÖÜß])";

/** A lexeme as a PostgreSQL regular expression for its written form: the stemmer dropped umlauts and turned ß into ss. */
function lexemePattern(lexeme: string): string {
  let out = "";
  for (let i = 0; i < lexeme.length; i++) {
    const char = lexeme[i]!;
    if (char === "s" && lexeme[i + 1] === "s") {
      out += "(?:ss|ß)";
      i++;
    } else if (LETTER_VARIANTS[char]) out += LETTER_VARIANTS[char];
    else out += /[\x00-\x7F]/.test(char) && !/[a-z0-9]/i.test(char) ? `\\${char}` : char;
  }
  return out;
}

/**
 * A case-insensitive PostgreSQL regular expression (for regexp_instr) that finds where the words of a tsquery
 * that must occur (not the negated ones) are written in a text, at the start of a word. Used only to choose
 * which part of a long text ts_headline reads: a miss or a wrong place costs speed, never a wrong snippet (the
 * caller falls back to the whole text). Null when the query has no such word.
 */
export function headlinePattern(tsquery: string): string | null {
  const terms = new Set<string>();
  const negatedGroups: boolean[] = [];
  let negateNext = false;
  for (const token of tsquery.match(TSQUERY_TOKEN) ?? []) {
    if (token === "!") negateNext = true;
    else if (token === "(") {
      negatedGroups.push(negateNext || negatedGroups.at(-1) === true);
      negateNext = false;
    } else if (token === ")") negatedGroups.pop();
    else if (token.startsWith("'")) {
      const lexeme = token.slice(1, token.lastIndexOf("'")).replace(/''/g, "'").replace(/\\(.)/g, "$1");
      if (!negateNext && negatedGroups.at(-1) !== true && lexeme) terms.add(lexemePattern(lexeme));
      negateNext = false;
    }
  }
  return terms.size ? `(?i)${NOT_AFTER_LETTER}(?:${[...terms].join("|")})` : null;
}
