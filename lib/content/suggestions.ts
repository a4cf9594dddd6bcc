import "server-only";
import { applySuggestion, revertSuggestion, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import { getSchema } from "@tiptap/core";
import { Node as PmNode, type Mark, type Schema } from "@tiptap/pm/model";
import { EditorState, type Command } from "@tiptap/pm/state";
import { isSuggestionMarkName, liveEditorExtensions } from "./editor-extensions";
import { suggestionAuthorId } from "./suggestion-ids";

let schema: Schema | undefined;
/** The live document's schema: the editor schema plus the suggestion marks. */
export function liveEditorSchema(): Schema {
  schema ??= getSchema(liveEditorExtensions);
  return schema;
}

const isSuggestionMark = (mark: Mark) => isSuggestionMarkName(mark.type.name);

/**
 * prosemirror-suggest-changes 0.1.8 reads one character past a block suggestion that ends the document and throws
 * there (accepting the deletion of the last paragraph, rejecting a new last one): an empty paragraph appended for
 * the command, and removed after it, keeps every suggestion inside the document.
 */
function run(doc: PmNode, command: Command): PmNode {
  const padded = doc.copy(doc.content.addToEnd(doc.type.schema.nodes.paragraph!.create()));
  let result = padded;
  command(EditorState.create({ doc: padded }), (tr) => {
    result = tr.doc;
  });
  // A removed block before it may leave the padding with that block's type (an empty heading): still the padding.
  const last = result.lastChild;
  if (result.childCount < 2 || !last || !last.isTextblock || last.content.size || last.marks.length) return result;
  return result.copy(result.content.cut(0, result.content.size - last.nodeSize));
}

/** The text as it is without any open suggestion: what a revision, a Fassung and every export hold. */
export function withoutSuggestions(doc: PmNode): PmNode {
  return hasSuggestions(doc) ? run(doc, revertSuggestions) : doc;
}

export function acceptSuggestion(doc: PmNode, id: string): PmNode {
  return run(doc, applySuggestion(id));
}

export function rejectSuggestion(doc: PmNode, id: string): PmNode {
  return run(doc, revertSuggestion(id));
}

export function hasSuggestions(doc: PmNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.marks.some(isSuggestionMark)) found = true;
    return !found;
  });
  return found;
}

/** One suggestion as the Abwägung shows it: who, what goes, what comes, and the passage it is in. */
export type SuggestionSummary = {
  id: string;
  authorId: string | null;
  kind: "insertion" | "deletion" | "replacement" | "formatting";
  deletedText: string;
  insertedText: string;
  /** The text of the blocks it touches as they are without it. */
  context: string;
  /** Order in the text (the position of its first part). */
  position: number;
};

/** Every suggestion in the text, in reading order; block-level parts (a new paragraph) count with their text. */
export function listSuggestions(doc: PmNode): SuggestionSummary[] {
  const found = new Map<
    string,
    {
      deleted: string[];
      inserted: string[];
      formatting: boolean;
      position: number;
      blocks: Set<number>;
      /** Where the text block of its last text run starts: text in the next block reads as a new line. */
      lastTextblock?: number;
    }
  >();
  const entry = (id: string, position: number) => {
    let e = found.get(id);
    if (!e) {
      e = { deleted: [], inserted: [], formatting: false, position, blocks: new Set() };
      found.set(id, e);
    }
    return e;
  };
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const id = String(mark.attrs.id ?? "");
      const e = entry(id, pos);
      const $pos = doc.resolve(Math.min(pos + (node.isText ? 0 : 1), doc.content.size));
      e.blocks.add($pos.depth > 0 ? $pos.before(1) : 0);
      let text = node.isText ? (node.text ?? "") : node.isBlock ? "\n" : "";
      if (node.isText) {
        const textblock = doc.resolve(pos).start();
        if (e.lastTextblock !== undefined && e.lastTextblock !== textblock) text = `\n${text}`;
        e.lastTextblock = textblock;
      }
      if (mark.type.name === "insertion") e.inserted.push(text);
      else if (mark.type.name === "deletion") e.deleted.push(text);
      else e.formatting = true;
    }
    return true;
  });
  const base = withoutSuggestions(doc);
  return [...found.entries()]
    .map(([id, e]) => {
      const deletedText = tidy(e.deleted.join(""));
      const insertedText = tidy(e.inserted.join(""));
      const kind: SuggestionSummary["kind"] =
        deletedText && insertedText
          ? "replacement"
          : insertedText || e.inserted.length
            ? "insertion"
            : deletedText || e.deleted.length
              ? "deletion"
              : "formatting";
      return {
        id,
        authorId: suggestionAuthorId(id),
        kind,
        deletedText,
        insertedText,
        context: contextOf(doc, base, e.position),
        position: e.position,
      };
    })
    .sort((a, b) => a.position - b.position);
}

const tidy = (text: string) =>
  text
    .replace(/\u200B/g, "")
    .replace(/\s*\n\s*/g, " ¶ ")
    .replace(/\s+/g, " ")
    .trim();

/** The top-level block around a position, in the text without suggestions (capped for the table). */
function contextOf(doc: PmNode, base: PmNode, position: number): string {
  const index = doc.resolve(Math.min(position, doc.content.size)).index(0);
  const block = base.maybeChild(Math.min(index, base.childCount - 1));
  const text = block?.textContent ?? "";
  return text.length > 600 ? `${text.slice(0, 600)} …` : text;
}

/**
 * A change from someone who may only suggest: the text without suggestions must stay exactly as it was, and every
 * suggestion of anybody else must stay as it was; new or changed suggestions must be their own. Returns why not,
 * or null.
 */
export function suggestOnlyRefusal(
  before: PmNode,
  after: PmNode,
  userId: string,
): "textChanged" | "othersSuggestion" | "notOwnSuggestion" | null {
  const beforeList = listSuggestions(before);
  const afterList = listSuggestions(after);
  for (const s of afterList) if (s.authorId === null) return "notOwnSuggestion";
  const key = (s: SuggestionSummary) => JSON.stringify([s.kind, s.deletedText, s.insertedText]);
  const othersBefore = new Map(beforeList.filter((s) => s.authorId !== userId).map((s) => [s.id, key(s)]));
  const othersAfter = new Map(afterList.filter((s) => s.authorId !== userId).map((s) => [s.id, key(s)]));
  if (othersBefore.size !== othersAfter.size) return "othersSuggestion";
  for (const [id, k] of othersBefore) if (othersAfter.get(id) !== k) return "othersSuggestion";
  if (!withoutSuggestions(before).eq(withoutSuggestions(after))) return "textChanged";
  return null;
}

/** Tiptap JSON of the live text → a node of the live schema (throws on anything the schema does not allow). */
export function liveNodeFromJson(json: unknown): PmNode {
  const node = PmNode.fromJSON(liveEditorSchema(), json);
  node.check();
  return node;
}
