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
 * A checked block. `stale`: text was typed into it or deleted from it since (see `textOnlyChange`), so it is still
 * valid and `bytes` is at least its size, but `node` may lack the new characters or hold deleted ones.
 */
type Block = CheckedBlock & { suggestionIds: string[]; stale?: boolean };
/** A Yjs shared type (an element or text of the live document). */
type YType = Parameters<Y.Transaction["changed"]["get"]>[0];

/**
 * What the check keeps per live document: the top-level blocks it has checked (keyed by the document's own Yjs
 * elements), kept in step by every transaction of the document. Everything in the document passed a check, so a
 * block stays valid whatever happens to it; what is remembered is its size and its node, and they are forgotten
 * when a change does more than type or delete text inside it.
 */
type LiveCheck = { blocks: WeakMap<object, Block>; fragment: Y.XmlFragment };
const checks = new WeakMap<Y.Doc, LiveCheck>();

function liveCheckOf(doc: Y.Doc): LiveCheck {
  const existing = checks.get(doc);
  if (existing) return existing;
  const check: LiveCheck = { blocks: new WeakMap(), fragment: doc.getXmlFragment(LIVE_FIELD) };
  const follow = (transaction: Y.Transaction) => {
    const typed = textOnlyChange(transaction);
    for (const type of transaction.changed.keys()) {
      const block = topLevelBlock(type, check.fragment);
      if (!block) continue;
      const added = type instanceof Y.XmlText ? typed?.get(type) : undefined;
      const known = check.blocks.get(block);
      if (added !== undefined && known) {
        known.bytes += added;
        known.stale = true;
      } else check.blocks.delete(block);
    }
  };
  doc.on("afterTransaction", follow);
  doc.once("destroy", () => checks.delete(doc));
  checks.set(doc, check);
  return check;
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
 * For a connection made read-only from outside its message (a freeze, lost rights): an update it had checked a
 * moment earlier is now refused rather than applied. What the check remembers of the document's blocks follows the
 * document itself and stays; the suggestion ids that update brought are forgotten (read again from the document on
 * the next check), so nobody can later claim one of them as already there.
 */
export function resetLiveCheck(doc: Y.Doc) {
  knownSuggestionIds.delete(doc);
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
 * Typing and deleting as they mostly come — characters inserted into a text right after other characters, or
 * characters of a text deleted, nothing else — cannot make a valid block invalid: new characters join the run
 * of text before them (same marks, same node) and deleting characters only shortens runs, so only the size
 * changes. Returns the bytes each changed text grew by (its JSON, escaped as `JSON.stringify` writes it; 0 for a
 * text that only lost characters), or null when the transaction did anything else; then the blocks it touched
 * are read and checked again. Characters that could pair with a neighbour's half of a surrogate pair, and NUL,
 * are "anything else".
 */
function textOnlyChange(transaction: Y.Transaction): Map<Y.XmlText, number> | null {
  const changed = new Map<Y.XmlText, number>();
  for (const [client, deletions] of transaction.deleteSet.clients) {
    const structs = transaction.doc.store.clients.get(client);
    if (!structs) return null;
    for (const { clock, len } of deletions) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        // Deleted by this change (its content is collected only afterwards): the text is shorter by its characters
        // at least (by more where a run of text disappears). Halves of surrogate pairs are not counted apart.
        const item = structs[i];
        if (!(item instanceof Y.Item) || !(item.parent instanceof Y.XmlText)) return null;
        if (!(item.content instanceof Y.ContentString) || hasSurrogate(item.content.str)) return null;
        changed.set(item.parent, (changed.get(item.parent) ?? 0) - jsonBytes(item.content.str));
      }
    }
  }
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
      changed.set(parent, (changed.get(parent) ?? 0) + jsonBytes(text));
    }
  }
  return changed;
}

/** Bytes of a string inside a JSON string, escaped as `JSON.stringify` writes it. */
const jsonBytes = (text: string) => Buffer.byteLength(JSON.stringify(text), "utf8") - 2;

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

/** Where the document's own blocks are looked up by a copy's block: the Yjs id of the element. */
const blockKey = (block: object) => {
  const id = (block as Y.XmlElement)._item?.id;
  return id ? `${id.client}:${id.clock}` : undefined;
};

/**
 * A text checked block by block: blocks the check already knows of (the document's own, looked up through
 * `known`, which maps a copy's block to the document's) are not read again unless `touched` by the update being
 * checked; with `fresh`, blocks typed into since are read again so the returned document holds every character.
 * Blocks of the document itself (not touched) are remembered for the next check.
 */
function checkedText(
  fragment: Y.XmlFragment,
  check: LiveCheck,
  options: { fresh?: boolean; touched?: Set<object>; known?: (block: object) => object | undefined } = {},
): { doc: PmNode; suggestionIds: Set<string> } {
  const blocks: Block[] = [];
  const suggestionIds = new Set<string>();
  let stale = false;
  for (const child of fragment.toArray()) {
    const own = options.touched?.has(child) ? undefined : options.known ? options.known(child) : child;
    let block = own ? check.blocks.get(own) : undefined;
    if (!block || (options.fresh && block.stale)) {
      block = checkedBlock(child);
      if (own) check.blocks.set(own, block);
    }
    stale ||= block.stale === true;
    blocks.push(block);
    for (const id of block.suggestionIds) suggestionIds.add(id);
  }
  try {
    return { doc: liveDocumentOf(blocks), suggestionIds };
  } catch (error) {
    // A block's size as remembered may be more than it is (see `textOnlyChange`): read again before refusing.
    if (stale && !options.fresh && error instanceof AppError && error.messageKey === "appError.content.tooLarge")
      return checkedText(fragment, check, { ...options, fresh: true });
    throw error;
  }
}

function checkedBlock(block: object): Block {
  const checked = checkLiveBlock(blockJson(block));
  return { ...checked, suggestionIds: [...suggestionIdsIn(checked.node)] };
}

/** Length of `{"type":"doc","content":[…]}` around the blocks' JSON and the commas between them. */
const DOC_ENVELOPE_BYTES = '{"type":"doc","content":[]}'.length;

/**
 * The quick path of the check, for typing and deleting as they mostly come: whether `update`, read without
 * applying it anywhere, only inserts characters that will join a run of text already in the document (see
 * `joinsRunBefore`) and only deletes characters of texts, and the text stays within 512 KB (its size counted
 * from what the check knows of each block). Such an update keeps every block valid, so it needs no copy of the
 * document. False means "read it properly", not "refused".
 */
function keepsTextValid(doc: Y.Doc, update: Uint8Array, check: LiveCheck, mayDelete: boolean): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  const { structs, ds } = decoded;
  if (ds.clients.size > 0 && (!mayDelete || !deletesOnlyText(doc, ds))) return false;
  let added = 0;
  let previous: Y.Item | null = null;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return false;
    const { id, origin, content } = struct;
    if (origin === null || struct.parentSub !== null || UNSAFE_TYPED.test(content.str)) return false;
    const chained =
      previous !== null &&
      previous.id.client === id.client &&
      previous.id.clock + previous.length === id.clock &&
      origin.client === id.client &&
      origin.clock === id.clock - 1 &&
      sameId(struct.rightOrigin, previous.rightOrigin);
    // The first of a client's characters must follow what the document holds of that client, without a gap.
    if (!chained && (Y.getState(doc.store, id.client) !== id.clock || !landsInRun(doc, struct))) return false;
    added += jsonBytes(content.str);
    previous = struct;
  }
  if (added === 0) return structs.length === 0;
  const blocks = check.fragment.toArray();
  let bytes = DOC_ENVELOPE_BYTES + Math.max(blocks.length - 1, 0) + added;
  for (const block of blocks) {
    let known = check.blocks.get(block);
    if (!known) {
      // Valid (everything in the document passed a check): read for its size, and remembered.
      known = checkedBlock(block);
      check.blocks.set(block, known);
    }
    bytes += known.bytes;
  }
  return bytes <= MAX_CONTENT_BYTES;
}

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null || b === null ? a === b : Y.compareIDs(a, b));

/** How far the quick path looks for where a new item lands; further away it reads the update properly. */
const MAX_ITEMS_BETWEEN = 64;

const hasSurrogate = (text: string) => /[\ud800-\udfff]/.test(text);

/**
 * Where a new item (not yet applied) lands is decided between its origin (the character left of it when it was
 * typed) and its right origin (the one right of it then); concurrent typing may have put other items between
 * them. The item joins a run of text when the origin is a character of a text in the document, every item
 * between the two is text or deleted, and the nearest visible item at or before the origin is text: wherever
 * between them it lands, the visible item right before it is then text with no format between.
 */
function landsInRun(doc: Y.Doc, item: Y.Item): boolean {
  const origin = item.origin!;
  const right = item.rightOrigin;
  if (Y.getState(doc.store, origin.client) <= origin.clock) return false;
  if (right !== null && Y.getState(doc.store, right.client) <= right.clock) return false;
  const left = Y.getItem(doc.store, origin);
  if (!(left instanceof Y.Item) || !(left.parent instanceof Y.XmlText)) return false;
  const offset = origin.clock - left.id.clock;
  // The origin may be inside an item (characters typed one after another are merged into one): the rest of it
  // lies between, up to the right origin when that is in it too.
  if (offset < left.length - 1 && !left.deleted) {
    if (!(left.content instanceof Y.ContentString) || hasSurrogate(left.content.str)) return false;
  }
  const rightInLeft =
    right !== null &&
    right.client === left.id.client &&
    right.clock > origin.clock &&
    right.clock < left.id.clock + left.length;
  if (!rightInLeft) {
    let between = left.right;
    for (let seen = 0; ; between = between.right, seen++) {
      if (between === null) {
        if (right !== null) return false;
        break;
      }
      if (seen === MAX_ITEMS_BETWEEN) return false;
      const holdsRight =
        right !== null &&
        between.id.client === right.client &&
        between.id.clock <= right.clock &&
        right.clock < between.id.clock + between.length;
      if (holdsRight && between.id.clock === right.clock) break;
      if (!between.deleted && !(between.content instanceof Y.ContentString && !hasSurrogate(between.content.str)))
        return false;
      if (holdsRight) break;
    }
  }
  // The nearest visible item at or before the origin.
  for (let at: Y.Item | null = left; at !== null; at = at.left) {
    if (at.deleted) continue;
    if (!(at.content instanceof Y.ContentString)) return false;
    const str = at.content.str;
    return !hasSurrogate(at === left ? str.charAt(offset) : str.charAt(str.length - 1));
  }
  return false;
}

/**
 * The deletions only take characters out of texts: every item they reach is in the document already, and is
 * text without halves of surrogate pairs (or was deleted before).
 */
function deletesOnlyText(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>["ds"]): boolean {
  for (const [client, deletions] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) return false;
    for (const { clock, len } of deletions) {
      if (Y.getState(doc.store, client) < clock + len) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const item = structs[i];
        if (!(item instanceof Y.Item) || item.deleted) continue;
        if (!(item.parent instanceof Y.XmlText) || !(item.content instanceof Y.ContentString)) return false;
        if (hasSurrogate(item.content.str)) return false;
      }
    }
  }
  return true;
}

/** Whether the quick path alone accepts `update` (for tests: whatever it accepts, the whole-text check must). */
export function passesQuickCheck(doc: Y.Doc, update: Uint8Array): boolean {
  return keepsTextValid(doc, update, liveCheckOf(doc), mayDeleteText(doc));
}

/** Deleting text can take a suggestion out of it: allowed on the quick path only while the text holds none. */
const mayDeleteText = (doc: Y.Doc) => knownSuggestionIds.get(doc)?.size === 0;

/**
 * Checks one incoming Yjs update before it touches the shared document: the text afterwards must pass the same
 * check as every saved revision (schema, links, 512 KB). Typing and deleting as they mostly come are recognised
 * without applying the update (`keepsTextValid`); anything else is applied to a copy of the document and the
 * blocks it touched are read and checked. From someone who may only suggest (`suggestOnly`), the text without
 * suggestions must stay the same and only their own suggestions may change. Nobody may bring in a new suggestion
 * in another person's name (`author` = the sender's user id). Synchronous and database-free.
 */
export function checkLiveUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: string | null = null,
  suggestOnly = false,
): AppError | null {
  if (update.byteLength > MAX_UPDATE_BYTES) return new AppError("VALIDATION", "appError.content.tooLarge");
  const check = liveCheckOf(doc);
  try {
    if (!suggestOnly && keepsTextValid(doc, update, check, mayDeleteText(doc))) return null;
  } catch {
    // Read properly below.
  }
  const copy = new Y.Doc({ gc: false });
  try {
    const before = suggestOnly ? checkedText(check.fragment, check, { fresh: true }).doc : null;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const own = new Map<string | undefined, object>(check.fragment.toArray().map((block) => [blockKey(block), block]));
    own.delete(undefined);
    const fragment = copy.getXmlFragment(LIVE_FIELD);
    const touched = new Set<object>();
    copy.on("afterTransaction", (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const block = topLevelBlock(type, fragment);
        if (block) touched.add(block);
      }
    });
    Y.applyUpdate(copy, update);
    // An update that builds on something the server never accepted cannot be applied now; kept pending it would
    // be stored and sent to everyone unchecked.
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)
      return new AppError("VALIDATION", "appError.content.damaged");
    // Only the editor's own field: anything else would be stored and sent to everyone, unchecked.
    for (const name of copy.share.keys())
      if (name !== LIVE_FIELD) return new AppError("VALIDATION", "appError.content.schemaMismatch");
    const after = checkedText(fragment, check, {
      fresh: suggestOnly,
      touched,
      known: (block) => own.get(blockKey(block)),
    });
    const refusal = before && author ? suggestOnlyRefusal(before, after.doc, author) : null;
    if (refusal) return new AppError("FORBIDDEN", `appError.suggestion.${refusal}`);
    if (author && claimsOthersSuggestion(doc, after.suggestionIds, author))
      return new AppError("FORBIDDEN", "appError.suggestion.notOwnSuggestion");
    return null;
  } catch (error) {
    return error instanceof AppError ? error : new AppError("VALIDATION", "appError.content.damaged");
  } finally {
    copy.destroy();
  }
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
