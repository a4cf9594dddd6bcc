import { diffArrays } from "diff";

/** Result of a three-way merge: the merged sequence and how many of the others' changes collided with mine. */
export type BlockMerge<T> = { merged: T[]; conflicts: number };

/** One side's change to the base: replace base[start, end) with `insert` (start = end: a pure insertion). */
type Hunk<T> = { start: number; end: number; insert: T[]; keys: string[] };

function hunksOf<T>(base: string[], side: T[], sideKeys: string[]): Hunk<T>[] {
  const hunks: Hunk<T>[] = [];
  let b = 0;
  let s = 0;
  let open: Hunk<T> | null = null;
  for (const change of diffArrays(base, sideKeys)) {
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = null;
      b += change.count;
      s += change.count;
      continue;
    }
    open ??= { start: b, end: b, insert: [], keys: [] };
    if (change.removed) {
      b += change.count;
      open.end = b;
    } else {
      open.insert.push(...side.slice(s, s + change.count));
      open.keys.push(...sideKeys.slice(s, s + change.count));
      s += change.count;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

const sameHunk = <T>(a: Hunk<T>, b: Hunk<T>) =>
  a.start === b.start && a.end === b.end && a.keys.length === b.keys.length && a.keys.every((k, i) => k === b.keys[i]);

/** Two changes collide when they touch the same base blocks, or both insert at the same place. */
function collide<T>(a: Hunk<T>, b: Hunk<T>): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return b.start < a.start && a.start < b.end;
  if (bInsert) return a.start < b.start && b.start < a.end;
  return false;
}

/**
 * Three-way merge of top-level blocks (paragraphs, lists, tables). Each side's changes to the base are
 * hunks; hunks that touch different blocks are all applied, identical ones once. Where the others'
 * change collides with the user's, the user's wins and the collision is counted, so the user's own
 * text is never dropped and the UI can ask for a manual merge instead. Blocks are compared by `key`.
 */
export function mergeBlocks<T>(base: T[], mine: T[], theirs: T[], key: (block: T) => string): BlockMerge<T> {
  const kb = base.map(key);
  const mineHunks = hunksOf(kb, mine, mine.map(key));
  const theirHunks = hunksOf(kb, theirs, theirs.map(key));
  let conflicts = 0;
  const accepted: Hunk<T>[] = [...mineHunks];
  for (const hunk of theirHunks) {
    if (mineHunks.some((m) => sameHunk(m, hunk))) continue;
    if (mineHunks.some((m) => collide(m, hunk))) conflicts++;
    else accepted.push(hunk);
  }
  // Accepted hunks never overlap; at one position a pure insertion goes before a replacement.
  accepted.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const merged: T[] = [];
  let i = 0;
  for (const hunk of accepted) {
    merged.push(...base.slice(i, hunk.start), ...hunk.insert);
    i = hunk.end;
  }
  merged.push(...base.slice(i));
  return { merged, conflicts };
}
