import "server-only";
import { diffArrays } from "diff";
import { Fragment, type Mark, type Node as PmNode } from "@tiptap/pm/model";
import { diffText } from "@/lib/diff/word-diff";

// Inline leaves other than text (a hard break) count as one character, so string offsets equal positions.
const LEAF = "\uFFFC";

function inlineText(block: PmNode): string {
  let text = "";
  block.content.forEach((child) => (text += child.isText ? child.text! : LEAF));
  return text;
}

function withMark(fragment: Fragment, mark: Mark): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) =>
    nodes.push(
      node.isText
        ? node.mark(mark.addToSet(node.marks))
        : node.type.create(node.attrs, withMark(node.content, mark), mark.addToSet(node.marks)),
    ),
  );
  return Fragment.fromArray(nodes);
}

const markNode = (node: PmNode, mark: Mark): PmNode => withMark(Fragment.from(node), mark).firstChild!;

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

/** A text block changed in place: a word diff (the app's block-aware one) inside it. */
function diffInline(before: PmNode, after: PmNode, marks: Marks, ids: ChangeIds): PmNode {
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
      content = content.append(withMark(before.content.cut(oldAt, oldAt + length), marks.deletion(id)));
      oldAt += length;
    } else {
      const id = ids.next(lastKind === "del");
      content = content.append(withMark(after.content.cut(newAt, newAt + length), marks.insertion(id)));
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

function merge(before: PmNode, after: PmNode, marks: Marks, ids: ChangeIds): PmNode {
  if (before.eq(after)) return before;
  if (before.isTextblock) return diffInline(before, after, marks, ids);
  const children: PmNode[] = [];
  // Cells of a row are compared one by one: inserting or deleting single cells would break the table's grid.
  if (before.type.name === "tableRow")
    before.forEach((cell, _, i) => children.push(merge(cell, after.child(i), marks, ids)));
  else children.push(...diffBlocks(nodesOf(before), nodesOf(after), marks, ids));
  return before.type.create(before.attrs, Fragment.fromArray(children), before.marks);
}

const nodesOf = (node: PmNode) => {
  const nodes: PmNode[] = [];
  node.forEach((child) => nodes.push(child));
  return nodes;
};

function diffBlocks(before: PmNode[], after: PmNode[], marks: Marks, ids: ChangeIds): PmNode[] {
  const out: PmNode[] = [];
  let removed: PmNode[] = [];
  let added: PmNode[] = [];
  const flush = () => {
    let paired = 0;
    while (paired < removed.length && paired < added.length && comparable(removed[paired]!, added[paired]!)) {
      out.push(merge(removed[paired]!, added[paired]!, marks, ids));
      paired += 1;
    }
    const goes = removed.slice(paired);
    const comes = added.slice(paired);
    if (goes.length || comes.length) {
      const id = ids.next(false);
      out.push(...goes.map((n) => markNode(n, marks.deletion(id))));
      out.push(...comes.map((n) => markNode(n, marks.insertion(id))));
      ids.end();
    }
    removed = [];
    added = [];
  };
  for (const change of diffArrays(before, after, { comparator: (a, b) => a.eq(b) })) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      out.push(...change.value);
    }
  }
  flush();
  return out;
}

/**
 * The live text with `after` laid over it as suggestions: what `after` no longer has is marked deleted, what it adds
 * is marked inserted (one id per contiguous change, from `newId`). Unchanged blocks stay as they are; a changed text
 * block is compared word by word, a changed list, quote or table block by block inside it; anything else is
 * replaced whole. `before` must hold no suggestions; both must be of the live schema.
 */
export function suggestChanges(before: PmNode, after: PmNode, newId: () => string): PmNode {
  const schema = before.type.schema;
  const marks: Marks = {
    insertion: (id) => schema.marks.insertion!.create({ id }),
    deletion: (id) => schema.marks.deletion!.create({ id }),
  };
  return merge(before, after, marks, new ChangeIds(newId));
}
