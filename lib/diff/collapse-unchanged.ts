import type { DiffPart } from "./word-diff";

export type DisplayPart = DiffPart | { kind: "skip"; chars: number };

/** Cuts at a word boundary near `at`, looking towards `direction`. */
function boundary(text: string, at: number, direction: 1 | -1): number {
  let i = at;
  while (i > 0 && i < text.length && !/\s/.test(text[i]!)) i += direction;
  return i;
}

/**
 * For long documents: unchanged stretches longer than 2 × `context` characters keep only `context`
 * characters next to each change, the rest is replaced by a "skip" marker saying how much was left out.
 */
export function collapseUnchanged(parts: DiffPart[], context = 240): DisplayPart[] {
  const out: DisplayPart[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== "same" || part.text.length <= context * 2 + 40) {
      out.push(part);
      return;
    }
    const first = i === 0;
    const last = i === parts.length - 1;
    const head = first ? 0 : boundary(part.text, context, 1);
    const tail = last ? part.text.length : boundary(part.text, part.text.length - context, -1);
    if (tail - head < 40) {
      out.push(part);
      return;
    }
    if (head > 0) out.push({ kind: "same", text: part.text.slice(0, head) });
    out.push({ kind: "skip", chars: tail - head });
    if (tail < part.text.length) out.push({ kind: "same", text: part.text.slice(tail) });
  });
  return out;
}
