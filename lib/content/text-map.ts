import type { Node as PmNode } from "@tiptap/pm/model";

/**
 * The plain text of a document as comments anchor to it — one "\n" between text blocks and for each hard
 * break — together with where each run of text sits in the ProseMirror document, so that text offsets can
 * be turned back into document positions (for highlighting anchored comments).
 */
export type TextSegment = { textStart: number; pos: number; length: number };
export type TextMap = { text: string; segments: TextSegment[] };

export function textMap(doc: PmNode): TextMap {
  let text = "";
  const segments: TextSegment[] = [];
  let firstBlock = true;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (!firstBlock) text += "\n";
      firstBlock = false;
      node.forEach((child, offset) => {
        const childPos = pos + 1 + offset;
        if (child.isText) {
          segments.push({ textStart: text.length, pos: childPos, length: child.text!.length });
          text += child.text!;
        } else if (child.type.name === "hardBreak") {
          text += "\n";
        }
      });
      return false;
    }
    return true;
  });
  return { text, segments };
}

/** Document positions [from, to) covering text[start, end), one range per text run it touches. */
export function textRangeToPositions(map: TextMap, start: number, end: number): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (const s of map.segments) {
    const segEnd = s.textStart + s.length;
    if (segEnd <= start || s.textStart >= end) continue;
    const from = s.pos + Math.max(0, start - s.textStart);
    const to = s.pos + Math.min(s.length, end - s.textStart);
    if (to > from) ranges.push({ from, to });
  }
  return ranges;
}
