import "server-only";
import { diffArrays } from "diff";
import { Fragment, type Mark, type Node as PmNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { diffText } from "@/lib/diff/word-diff";

// Inline leaves other than text (a hard break) count as one character, so string offsets equal positions.
const LEAF = "\uFFFC";
const ZERO_WIDTH_SPACE = "\u200B";

function inlineText(block: PmNode): string {
  let text = "";
  block.content.forEach((child) => (text += child.isText ? child.text! : LEAF));
  return text;
}

/**
 * Marks every inline node of `fragment`. Blocks themselves stay unmarked: the live text's Yjs binding keeps a block's
 * attributes but not its marks. A whole block suggested in or out is its text marked; the suggestion commands widen
 * such a range to the blocks it covers. An empty block that comes in gets a zero-width space to carry the mark (as
 * the editor's own suggestions do for a new paragraph); accepting drops it.
 */
function withMark(fragment: Fragment, mark: Mark, fillEmpty: boolean): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    if (node.isInline) nodes.push(node.mark(mark.addToSet(node.marks)));
    else if (node.isTextblock && !node.content.size && fillEmpty)
      nodes.push(node.type.create(node.attrs, node.type.schema.text(ZERO_WIDTH_SPACE, [mark]), node.marks));
    else nodes.push(node.type.create(node.attrs, withMark(node.content, mark, fillEmpty), node.marks));
  });
  return Fragment.fromArray(nodes);
}

const markNode = (node: PmNode, mark: Mark, fillEmpty: boolean): PmNode =>
  withMark(Fragment.from(node), mark, fillEmpty).firstChild!;

/** Ids for one comparison: a deletion and the insertion right after it are one change, so they share an id. */
class ChangeIds {
  private current: string | null = null;
  constructor(private readonly newId: () => string) {}
  next(continues: boolean): string {
    if (!continues || !this.current) this.current = this.newId();
    return this.current;
  }
  end() {
    this.current = null;
  }
}

type Marks = { insertion: (id: string) => Mark; deletion: (id: string) => Mark };
type Context = {
  marks: Marks;
  ids: ChangeIds;
  /** Text blocks already laid out before the current point (in document order). */
  textblocks: number;
  /** Ids of whole blocks suggested in (they are anchored to the text block before them afterwards). */
  blockInsertions: Set<string>;
};

function countTextblocks(node: PmNode): number {
  if (node.isTextblock) return 1;
  let count = 0;
  node.descendants((child) => {
    if (child.isTextblock) count += 1;
    return !child.isTextblock;
  });
  return count;
}

function emit(out: PmNode[], ctx: Context, ...nodes: PmNode[]) {
  for (const node of nodes) {
    out.push(node);
    ctx.textblocks += countTextblocks(node);
  }
}

/** A text block changed in place: a word diff (the app's block-aware one) inside it. */
function diffInline(before: PmNode, after: PmNode, { marks, ids }: Context): PmNode {
  let content = Fragment.empty;
  let oldAt = 0;
  let newAt = 0;
  let lastKind: "same" | "ins" | "del" = "same";
  for (const part of diffText(inlineText(before), inlineText(after))) {
    const length = part.text.length;
    if (part.kind === "same") {
      content = content.append(before.content.cut(oldAt, oldAt + length));
      oldAt += length;
      newAt += length;
      ids.end();
    } else if (part.kind === "del") {
      const id = ids.next(false);
      content = content.append(withMark(before.content.cut(oldAt, oldAt + length), marks.deletion(id), false));
      oldAt += length;
    } else {
      const id = ids.next(lastKind === "del");
      content = content.append(withMark(after.content.cut(newAt, newAt + length), marks.insertion(id), true));
      newAt += length;
    }
    lastKind = part.kind;
  }
  ids.end();
  return before.type.create(before.attrs, content, before.marks);
}

/** Two blocks that can be compared inside rather than replaced whole. */
function comparable(a: PmNode, b: PmNode): boolean {
  if (a.type !== b.type) return false;
  if (a.isTextblock) return a.type.name !== "heading" || a.attrs.level === b.attrs.level;
  if (a.type.name === "tableRow") return a.childCount === b.childCount;
  return JSON.stringify(a.attrs) === JSON.stringify(b.attrs);
}

/** Lays out `after` over `before` (comparable) and appends the result to `out`. */
function merge(out: PmNode[], before: PmNode, after: PmNode, ctx: Context) {
  if (before.eq(after)) return emit(out, ctx, before);
  if (before.isTextblock) {
    out.push(diffInline(before, after, ctx));
    ctx.textblocks += 1;
    return;
  }
  const children: PmNode[] = [];
  // Cells of a row are compared one by one: inserting or deleting single cells would break the table's grid.
  if (before.type.name === "tableRow") before.forEach((cell, _, i) => merge(children, cell, after.child(i), ctx));
  else diffBlocks(children, nodesOf(before), nodesOf(after), ctx);
  out.push(before.type.create(before.attrs, Fragment.fromArray(children), before.marks));
}

const nodesOf = (node: PmNode) => {
  const nodes: PmNode[] = [];
  node.forEach((child) => nodes.push(child));
  return nodes;
};

function diffBlocks(out: PmNode[], before: PmNode[], after: PmNode[], ctx: Context) {
  const { marks, ids } = ctx;
  let removed: PmNode[] = [];
  let added: PmNode[] = [];
  const flush = () => {
    let paired = 0;
    while (paired < removed.length && paired < added.length && comparable(removed[paired]!, added[paired]!)) {
      merge(out, removed[paired]!, added[paired]!, ctx);
      paired += 1;
    }
    const goes = removed.slice(paired);
    const comes = added.slice(paired);
    if (goes.length || comes.length) {
      const id = ids.next(false);
      emit(out, ctx, ...goes.map((n) => markNode(n, marks.deletion(id), false)));
      if (comes.length) ctx.blockInsertions.add(id);
      emit(out, ctx, ...comes.map((n) => markNode(n, marks.insertion(id), true)));
      ids.end();
    }
    removed = [];
    added = [];
  };
  for (const change of diffArrays(before, after, { comparator: (a, b) => a.eq(b) })) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    if (change.removed || change.added) continue;
    let same = change.value;
    // New blocks at the very start of the text have no text block before them to hang on: the first block after
    // them is suggested out and in again, so rejecting restores exactly what was there.
    if (!removed.length && added.length && ctx.textblocks === 0 && out.length === 0) {
      removed.push(same[0]!);
      added.push(same[0]!);
      same = same.slice(1);
    }
    flush();
    emit(out, ctx, ...same);
  }
  flush();
}

/**
 * Whole blocks suggested in carry their mark on their text only (see withMark); rejecting them must remove the
 * blocks, not just empty them. As the editor does for a new paragraph, a zero-width space with the same suggestion
 * id ends the text block before them: rejecting deletes from there to the end of the new blocks, which closes them.
 */
function anchorBlockInsertions(doc: PmNode, ctx: Context): PmNode {
  const textblocks: { end: number; first: string | null }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const mark = node.firstChild?.marks.find((m) => m.type.name === "insertion");
    const id = mark && ctx.blockInsertions.has(String(mark.attrs.id)) ? String(mark.attrs.id) : null;
    textblocks.push({ end: pos + node.nodeSize - 1, first: id });
    return false;
  });
  const tr = new Transform(doc);
  for (let i = textblocks.length - 1; i > 0; i--) {
    const { first: id } = textblocks[i]!;
    const previous = textblocks[i - 1]!;
    if (id === null || previous.first === id) continue;
    tr.insert(previous.end, doc.type.schema.text(ZERO_WIDTH_SPACE, [ctx.marks.insertion(id)]));
  }
  return tr.doc;
}

/**
 * The live text with `after` laid over it as suggestions: what `after` no longer has is marked deleted, what it adds
 * is marked inserted (one id per contiguous change, from `newId`). Unchanged blocks stay as they are; a changed text
 * block is compared word by word, a changed list, quote or table block by block inside it; anything else is
 * replaced whole. `before` must hold no suggestions; both must be of the live schema.
 */
export function suggestChanges(before: PmNode, after: PmNode, newId: () => string): PmNode {
  const schema = before.type.schema;
  const ctx: Context = {
    marks: {
      insertion: (id) => schema.marks.insertion!.create({ id }),
      deletion: (id) => schema.marks.deletion!.create({ id }),
    },
    ids: new ChangeIds(newId),
    textblocks: 0,
    blockInsertions: new Set(),
  };
  const out: PmNode[] = [];
  merge(out, before, after, ctx);
  return anchorBlockInsertions(out[0]!, ctx);
}
