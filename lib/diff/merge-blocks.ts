import { diffArrays } from "diff";

/** Result of a three-way merge: the merged sequence and how many regions both sides changed differently. */
export type BlockMerge<T> = { merged: T[]; conflicts: number };

/** base index → index in the other sequence, for every element the two have in common (LCS). */
function commonIndex(base: string[], other: string[]): Map<number, number> {
  const map = new Map<number, number>();
  let b = 0;
  let o = 0;
  for (const change of diffArrays(base, other)) {
    if (change.added) o += change.count;
    else if (change.removed) b += change.count;
    else for (let k = 0; k < change.count; k++) map.set(b++, o++);
  }
  return map;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Three-way merge of top-level blocks (diff3): regions changed on one side only take that side; regions
 * both sides changed identically are taken once; regions both changed differently are conflicts, where
 * the merge keeps `mine` so the user's own text is never dropped. Blocks are compared by `key`.
 */
export function mergeBlocks<T>(base: T[], mine: T[], theirs: T[], key: (block: T) => string): BlockMerge<T> {
  const kb = base.map(key);
  const km = mine.map(key);
  const kt = theirs.map(key);
  const inMine = commonIndex(kb, km);
  const inTheirs = commonIndex(kb, kt);
  const anchors: [number, number, number][] = [];
  for (let i = 0; i < kb.length; i++) {
    const m = inMine.get(i);
    const t = inTheirs.get(i);
    if (m !== undefined && t !== undefined) anchors.push([i, m, t]);
  }
  anchors.push([kb.length, km.length, kt.length]);

  const merged: T[] = [];
  let conflicts = 0;
  let [b, m, t] = [0, 0, 0];
  for (const [i, mi, ti] of anchors) {
    const baseChunk = kb.slice(b, i);
    const mineChunk = km.slice(m, mi);
    const theirsChunk = kt.slice(t, ti);
    if (sameKeys(mineChunk, baseChunk)) merged.push(...theirs.slice(t, ti));
    else if (sameKeys(theirsChunk, baseChunk) || sameKeys(mineChunk, theirsChunk)) merged.push(...mine.slice(m, mi));
    else {
      conflicts++;
      merged.push(...mine.slice(m, mi));
    }
    if (i < kb.length) merged.push(mine[mi]!);
    [b, m, t] = [i + 1, mi + 1, ti + 1];
  }
  return { merged, conflicts };
}
