import "server-only";
import * as Y from "yjs";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { AppError } from "@/lib/errors";
import type { Node as PmNode } from "@tiptap/pm/model";
import { isSuggestionMarkName } from "@/lib/content/editor-extensions";
import { suggestionAuthorId } from "@/lib/content/suggestion-ids";
import { suggestOnlyRefusal } from "@/lib/content/suggestions";
import {
  MAX_CONTENT_BYTES,
  checkLiveBlock,
  liveDocumentOf,
  validateLiveContent,
  type CheckedBlock,
} from "@/lib/content/validate-content";
import { LIVE_FIELD, liveDocumentJson } from "./live-content";

/** An update larger than the largest allowed text cannot be a valid change. */
const MAX_UPDATE_BYTES = 2 * MAX_CONTENT_BYTES;

/**
 * A checked block. `stale`: text was typed into it since (into existing runs of text, see `typedIntoRuns`), so
 * it is still valid and `bytes` is its size, but `node` lacks the new characters.
 */
type Block = CheckedBlock & { suggestionIds: string[]; stale?: boolean };
/** A Yjs shared type (an element or text of the live document). */
type YType = Parameters<Y.Transaction["changed"]["get"]>[0];

/**
 * A second copy of each live document that follows every accepted change (it listens to the document's updates):
 * an incoming update is tried on it first. The copy remembers each top-level block it has checked (keyed by the
 * block's Yjs element) and forgets a block when a change touches anything inside it, so checking an update costs
 * applying it and reading the blocks it changed, not the whole text. A refused update spoils the copy; it is
 * rebuilt from the document on the next check.
 */
type Shadow = {
  copy: Y.Doc;
  follow: (update: Uint8Array, origin: unknown) => void;
  blocks: WeakMap<object, Block>;
};
const shadows = new WeakMap<Y.Doc, Shadow>();

function shadowOf(doc: Y.Doc): Shadow {
  const existing = shadows.get(doc);
  if (existing) return existing;
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const follow = (update: Uint8Array, origin: unknown) => {
    if (!alreadyChecked(copy, update, origin)) Y.applyUpdate(copy, update);
  };
  const shadow: Shadow = { copy, follow, blocks: new WeakMap() };
  const fragment = copy.getXmlFragment(LIVE_FIELD);
  copy.on("afterTransaction", (transaction: Y.Transaction) => {
    const typed = typedIntoRuns(transaction);
    for (const type of transaction.changed.keys()) {
      const block = topLevelBlock(type, fragment);
      if (!block) continue;
      const added = type instanceof Y.XmlText ? typed?.get(type) : undefined;
      const checked = shadow.blocks.get(block);
      if (added !== undefined && checked) {
        checked.bytes += added;
        checked.stale = true;
      } else shadow.blocks.delete(block);
    }
  });
  doc.on("update", follow);
  doc.once("destroy", () => dropShadow(doc));
  shadows.set(doc, shadow);
  return shadow;
}

/**
 * A connection's update reaches the document only after it was checked — applied to the copy — so applying it
 * to the copy again would only decode it a second time. Skipped when it came from a connection and the copy
 * already holds every item it brings (an update checked on an earlier copy, before a refusal replaced it, is
 * not: it brings items this copy lacks). Updates that only delete, and every change the server makes itself,
 * are applied.
 */
function alreadyChecked(copy: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  if ((origin as { source?: unknown } | null)?.source !== "connection") return false;
  const { to } = Y.parseUpdateMeta(update);
  if (to.size === 0) return false;
  for (const [client, clock] of to) if (Y.getState(copy.store, client) < clock) return false;
  return true;
}

/** The top-level block (a child of the text's fragment) a changed type belongs to; null for the fragment itself. */
function topLevelBlock(type: YType, fragment: Y.XmlFragment): object | null {
  const root: unknown = fragment;
  let current: YType | null = type;
  while (current && current !== root) {
    const parent: YType | null = current.parent;
    if (parent === root) return current;
    current = parent;
  }
  return null;
}

/**
 * Forget the copy (it is rebuilt from the document on the next check). For a connection made read-only from
 * outside its message (a freeze, lost rights): an update it had checked a moment earlier is now refused rather
 * than applied, and must not stay in the copy that checks the next ones.
 */
export function resetLiveCheck(doc: Y.Doc) {
  dropShadow(doc);
}

function dropShadow(doc: Y.Doc) {
  const shadow = shadows.get(doc);
  if (!shadow) return;
  doc.off("update", shadow.follow);
  shadow.copy.destroy();
  shadows.delete(doc);
}

/** The JSON of one top-level block, as y-prosemirror's reader gives it for the whole text. */
function blockJson(block: object): unknown {
  if (block instanceof Y.XmlElement) {
    const json = elementJson(block);
    if (json !== null) return json;
  }
  const single = { toArray: () => [block] } as unknown as Y.XmlFragment;
  return (yXmlFragmentToProsemirrorJSON(single) as { content: unknown[] }).content[0];
}

/** The whole text read block by block as the check reads it (equal to y-prosemirror's reader; for tests). */
export function liveTextJson(doc: Y.Doc): unknown {
  return { type: "doc", content: doc.getXmlFragment(LIVE_FIELD).toArray().map(blockJson) };
}

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: unknown[] };

/**
 * y-prosemirror's reader for an element, with its text read straight from the Yjs items: `toDelta` (what the
 * library uses) is built for snapshots and costs several times more per character, and a paragraph being typed
 * into is read again with every keystroke. Null for anything but plain text and formatting (embeds, the
 * library's own `ychange` attribute): the library then reads the block.
 */
function elementJson(element: Y.XmlElement): JsonNode | null {
  const json: JsonNode = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) json.attrs = attrs;
  const content: unknown[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const inner = elementJson(child);
      if (inner === null) return null;
      content.push(inner);
    } else if (child instanceof Y.XmlText) {
      if (!textJson(child, content)) return null;
    } else return null;
  }
  if (content.length) json.content = content;
  return json;
}

/** Mark names as y-prosemirror stores them (`link--<hash>` when a mark may overlap itself). */
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

type YItem = { deleted: boolean; right: YItem | null; content: unknown };

/** Appends the text nodes of `text` to `out` as `toDelta` + y-prosemirror would; false when it cannot. */
function textJson(text: Y.XmlText, out: unknown[]): boolean {
  const formatting = new Map<string, unknown>();
  let run = "";
  const pack = () => {
    if (!run) return;
    const node: { type: "text"; text: string; marks?: unknown[] } = { type: "text", text: run };
    if (formatting.size) {
      node.marks = [...formatting].map(([key, value]) => ({
        type: HASHED_MARK_NAME.exec(key)?.[1] ?? key,
        attrs: value,
      }));
    }
    out.push(node);
    run = "";
  };
  for (let item = (text as unknown as { _start: YItem | null })._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) run += content.str;
    else if (content instanceof Y.ContentFormat && content.key !== "ychange") {
      pack();
      if (content.value === null) formatting.delete(content.key);
      else formatting.set(content.key, content.value);
    } else return false;
  }
  pack();
  return true;
}

/**
 * Typing as it mostly comes — characters inserted into a text right after other characters, nothing deleted, no
 * formatting — cannot make a valid block invalid: the new characters join the run of text before them (same
 * marks, same node), so only the size changes. Returns the bytes each text grew by (its JSON, escaped as
 * `JSON.stringify` writes it), or null when the transaction did anything else; then the blocks it touched are
 * read and checked again. Characters that could pair with a neighbour's half of a surrogate pair, and NUL, are
 * "anything else".
 */
function typedIntoRuns(transaction: Y.Transaction): Map<Y.XmlText, number> | null {
  if (transaction.deleteSet.clients.size > 0) return null;
  const added = new Map<Y.XmlText, number>();
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after === before) continue;
    const structs = transaction.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentString)) return null;
      const parent = item.parent;
      const text = item.content.str;
      if (!(parent instanceof Y.XmlText) || UNSAFE_TYPED.test(text)) return null;
      if (!joinsRunBefore(item, transaction)) return null;
      added.set(parent, (added.get(parent) ?? 0) + Buffer.byteLength(JSON.stringify(text), "utf8") - 2);
    }
  }
  return added;
}

/** NUL and any half of a surrogate pair (a pair typed at once is fine, but cannot be told apart cheaply). */
const UNSAFE_TYPED = /[\u0000\ud800-\udfff]/;

const isNew = (item: Y.Item, transaction: Y.Transaction) =>
  item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);

/**
 * The nearest visible item before `item` that was there before this change is text (so no format lies between),
 * and does not end in the first half of a surrogate pair (typing between the halves would split it).
 */
function joinsRunBefore(item: Y.Item, transaction: Y.Transaction): boolean {
  let left = item.left;
  while (left && (left.deleted || (isNew(left, transaction) && left.content instanceof Y.ContentString)))
    left = left.left;
  if (!left || !(left.content instanceof Y.ContentString)) return false;
  return !/[\ud800-\udbff]$/.test(left.content.str);
}

/**
 * The copy's text, checked block by block (blocks unchanged since their last check are not read again; with
 * `fresh`, blocks typed into since are read again so the returned document holds every character).
 */
function checkedText(shadow: Shadow, fresh = false): { doc: PmNode; suggestionIds: Set<string> } {
  const blocks: Block[] = [];
  const suggestionIds = new Set<string>();
  for (const child of shadow.copy.getXmlFragment(LIVE_FIELD).toArray()) {
    let block = shadow.blocks.get(child);
    if (!block || (fresh && block.stale)) {
      const checked = checkLiveBlock(blockJson(child));
      block = { ...checked, suggestionIds: [...suggestionIdsIn(checked.node)] };
      shadow.blocks.set(child, block);
    }
    blocks.push(block);
    for (const id of block.suggestionIds) suggestionIds.add(id);
  }
  return { doc: liveDocumentOf(blocks), suggestionIds };
}

/**
 * Checks one incoming Yjs update before it touches the shared document: applied to the copy, the text afterwards
 * must pass the same check as every saved revision (schema, links, 512 KB). From someone who may only suggest
 * (`suggestOnly`), the text without suggestions must stay the same and only their own suggestions may change.
 * Nobody may bring in a new suggestion in another person's name (`author` = the sender's user id). Synchronous
 * and database-free.
 */
export function checkLiveUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: string | null = null,
  suggestOnly = false,
): AppError | null {
  if (update.byteLength > MAX_UPDATE_BYTES) return new AppError("VALIDATION", "appError.content.tooLarge");
  const shadow = shadowOf(doc);
  const { copy } = shadow;
  let problem: AppError | null = null;
  try {
    const before = suggestOnly ? checkedText(shadow, true).doc : null;
    Y.applyUpdate(copy, update);
    // An update that builds on something the server never accepted cannot be applied now; kept pending it would
    // be stored and sent to everyone unchecked.
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)
      problem = new AppError("VALIDATION", "appError.content.damaged");
    // Only the editor's own field: anything else would be stored and sent to everyone, unchecked.
    for (const name of copy.share.keys()) {
      if (!problem && name !== LIVE_FIELD) problem = new AppError("VALIDATION", "appError.content.schemaMismatch");
    }
    if (!problem) {
      const after = checkedText(shadow, suggestOnly);
      const refusal = before && author ? suggestOnlyRefusal(before, after.doc, author) : null;
      if (refusal) problem = new AppError("FORBIDDEN", `appError.suggestion.${refusal}`);
      else if (author && claimsOthersSuggestion(doc, after.suggestionIds, author))
        problem = new AppError("FORBIDDEN", "appError.suggestion.notOwnSuggestion");
    }
  } catch (error) {
    problem = error instanceof AppError ? error : new AppError("VALIDATION", "appError.content.damaged");
  }
  if (problem) dropShadow(doc);
  return problem;
}

/** Suggestion ids in the text as the server last accepted it, per document (a cheap check for writers). */
const knownSuggestionIds = new WeakMap<Y.Doc, Set<string>>();

/** Whether the last checked change left suggestions in the text (then the Abwägung rows are brought in step). */
export function hasCheckedSuggestions(doc: Y.Doc): boolean {
  return (knownSuggestionIds.get(doc)?.size ?? 0) > 0;
}

function suggestionIdsIn(node: PmNode): Set<string> {
  const ids = new Set<string>();
  const collect = (child: PmNode) => {
    for (const mark of child.marks) if (isSuggestionMarkName(mark.type.name)) ids.add(String(mark.attrs.id));
  };
  collect(node);
  node.descendants((child) => {
    collect(child);
    return true;
  });
  return ids;
}

/**
 * A writer may take over, change or drop anyone's suggestion (that is editing the text), but a new suggestion must
 * be their own: nobody can put words into someone else's name. Compared with the ids the document held before
 * (read again from the document itself when an unknown one appears, e.g. after a change the server made).
 */
function claimsOthersSuggestion(doc: Y.Doc, ids: Set<string>, author: string): boolean {
  let known = knownSuggestionIds.get(doc);
  const unknown = (set: Set<string> | undefined) =>
    [...ids].some((id) => !set?.has(id) && suggestionAuthorId(id) !== author);
  if (unknown(known)) {
    known = suggestionIdsIn(validateLiveContent(liveDocumentJson(doc)));
    if (unknown(known)) return true;
  }
  knownSuggestionIds.set(doc, ids);
  return false;
}
