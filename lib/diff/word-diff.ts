import { diffArrays, diffWordsWithSpace } from "diff";

/** One run of a diff: text common to both sides, inserted in the newer one, or deleted from the older one. */
export type DiffPart = { kind: "same" | "ins" | "del"; text: string };
export type DiffSummary = { insertions: number; deletions: number; changed: boolean };

/** Plain text of a section separates blocks (paragraphs, list items, cells) with a blank line. */
const BLOCK_SEPARATOR = "\n\n";
/**
 * Above this many word edits inside one changed region the word diff gives up and shows the region as
 * deleted and re-inserted: a wholesale rewrite reads better that way, and the cost stays bounded.
 */
const MAX_WORD_EDITS = 1500;

/** Each block carries the separator in front of it, so the tokens always join back to the exact text. */
function blockTokens(text: string): string[] {
  if (text === "") return [];
  return text.split(BLOCK_SEPARATOR).map((block, i) => (i === 0 ? block : BLOCK_SEPARATOR + block));
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function diffRegion(parts: DiffPart[], removed: string, added: string) {
  if (!removed || !added) {
    push(parts, "del", removed);
    push(parts, "ins", added);
    return;
  }
  const words = diffWordsWithSpace(removed, added, { maxEditLength: MAX_WORD_EDITS });
  if (!words) {
    push(parts, "del", removed);
    push(parts, "ins", added);
    return;
  }
  for (const change of words) push(parts, change.added ? "ins" : change.removed ? "del" : "same", change.value);
}

/**
 * Word-level diff of two plain texts, block-aware: blocks are matched first (cheap, and an unchanged
 * paragraph never shows up as changed), then words are compared only inside the regions that differ.
 * Invariant: joining "same"+"del" parts gives `before`, joining "same"+"ins" parts gives `after`.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before === after) {
    push(parts, "same", before);
    return parts;
  }
  let removed = "";
  let added = "";
  for (const change of diffArrays(blockTokens(before), blockTokens(after))) {
    const text = change.value.join("");
    if (change.removed) removed += text;
    else if (change.added) added += text;
    else {
      diffRegion(parts, removed, added);
      removed = added = "";
      push(parts, "same", text);
    }
  }
  diffRegion(parts, removed, added);
  return parts;
}

export function summariseDiff(parts: DiffPart[]): DiffSummary {
  const insertions = parts.filter((p) => p.kind === "ins").length;
  const deletions = parts.filter((p) => p.kind === "del").length;
  return { insertions, deletions, changed: insertions + deletions > 0 };
}

export const textOf = (parts: DiffPart[], side: "before" | "after") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === (side === "before" ? "del" : "ins"))
    .map((p) => p.text)
    .join("");
