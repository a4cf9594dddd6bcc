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
  for (const item of foldShortEqualities(words)) {
    if (item.kind === "same") push(parts, "same", item.text);
    else {
      push(parts, "del", item.del);
      push(parts, "ins", item.ins);
    }
  }
}

type Item = { kind: "same"; text: string } | { kind: "change"; del: string; ins: string };
const weight = (c: { del: string; ins: string }) => Math.max(c.del.length, c.ins.length);

/**
 * Readability cleanup (after diff-match-patch's semantic cleanup): a short common stretch between two
 * changes — a space, a comma, a little word — is folded into them, so a rewritten phrase reads as one
 * deletion and one insertion instead of alternating word by word. Paragraph breaks always stay.
 */
function foldShortEqualities(changes: { value: string; added: boolean; removed: boolean }[]): Item[] {
  const out: Item[] = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    if (!change.added && !change.removed) {
      out.push({ kind: "same", text: change.value });
      continue;
    }
    let current: { kind: "change"; del: string; ins: string } =
      last?.kind === "change"
        ? (out.pop() as { kind: "change"; del: string; ins: string })
        : { kind: "change", del: "", ins: "" };
    if (change.added) current.ins += change.value;
    else current.del += change.value;
    // Fold "change · short equality · change" as long as it keeps applying.
    for (;;) {
      const same = out[out.length - 1];
      const before = out[out.length - 2];
      if (same?.kind !== "same" || before?.kind !== "change" || same.text.includes(BLOCK_SEPARATOR)) break;
      if (same.text.length > Math.min(weight(before), weight(current))) break;
      out.length -= 2;
      current = {
        kind: "change",
        del: before.del + same.text + current.del,
        ins: before.ins + same.text + current.ins,
      };
    }
    out.push(current);
  }
  return out;
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
