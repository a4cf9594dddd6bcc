/**
 * Text anchors after the W3C Web Annotation model: a TextQuoteSelector (exact text with prefix and suffix)
 * and a TextPositionSelector (start/end offsets) against the plain text of the revision the comment was
 * made on. On a later revision the quote is searched again; where it is gone the comment is "changed",
 * never lost. Pure functions on strings.
 */
export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type Anchor = { quote: TextQuoteSelector; position: TextPositionSelector };

export type Resolved = { status: "anchored"; start: number; end: number } | { status: "changed" };

export const CONTEXT_LENGTH = 32;

/** Builds the anchor for text[start, end). Throws RangeError for ranges outside the text or empty ones. */
export function createAnchor(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError("anchor outside the text");
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/**
 * Finds a quote the browser reported (selection text plus some context) in the server's text. Whitespace
 * differences between DOM text and stored text are tolerated. Returns the anchor or null when not found.
 */
export function anchorFromQuote(text: string, exact: string, prefix = "", suffix = "", hint?: number): Anchor | null {
  const resolved = resolveQuote(text, { type: "TextQuoteSelector", exact, prefix, suffix }, hint);
  return resolved.status === "anchored" ? createAnchor(text, resolved.start, resolved.end) : null;
}

/** Re-finds an anchor in (possibly changed) text: exact quote first, best context match, nearest to the old place. */
export function resolveAnchor(text: string, anchor: Anchor): Resolved {
  const { start, end } = anchor.position;
  if (text.slice(start, end) === anchor.quote.exact && contextScore(text, start, end, anchor.quote) === 2) {
    return { status: "anchored", start, end };
  }
  return resolveQuote(text, anchor.quote, start);
}

function resolveQuote(text: string, quote: TextQuoteSelector, hint = 0): Resolved {
  if (!quote.exact) return { status: "changed" };
  const exactMatches = findAll(text, quote.exact).map((s) => ({ start: s, end: s + quote.exact.length }));
  const matches = exactMatches.length ? exactMatches : findNormalised(text, quote.exact);
  if (!matches.length) return { status: "changed" };
  let best = matches[0]!;
  let bestScore = -Infinity;
  for (const m of matches) {
    const score = contextScore(text, m.start, m.end, quote) * 1e9 - Math.abs(m.start - hint);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return { status: "anchored", start: best.start, end: best.end };
}

function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (before === quote.prefix ? 1 : 0) + (after === quote.suffix ? 1 : 0);
}

function findAll(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Matches with runs of whitespace treated as equal; returns ranges in the original text. */
function findNormalised(text: string, exact: string): { start: number; end: number }[] {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(escaped.join("\\s+"), "g");
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
