import "server-only";
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import type { Node as PmNode } from "@tiptap/pm/model";
import { isSuggestionMarkName } from "@/lib/content/editor-extensions";
import { suggestionAuthorId } from "@/lib/content/suggestion-ids";
import { suggestOnlyRefusal } from "@/lib/content/suggestions";
import { MAX_CONTENT_BYTES, validateLiveContent } from "@/lib/content/validate-content";
import { LIVE_FIELD, liveDocumentJson } from "./live-content";

/** An update larger than the largest allowed text cannot be a valid change. */
const MAX_UPDATE_BYTES = 2 * MAX_CONTENT_BYTES;

/**
 * A second copy of each live document that follows every accepted change (it listens to the document's updates):
 * an incoming update is tried on it first, so checking costs applying the update and reading the text, not a
 * fresh copy of the whole document per message. A refused update spoils the copy; it is rebuilt from the
 * document on the next check.
 */
const shadows = new WeakMap<Y.Doc, { copy: Y.Doc; follow: (update: Uint8Array) => void }>();

function shadowOf(doc: Y.Doc): Y.Doc {
  const existing = shadows.get(doc);
  if (existing) return existing.copy;
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const follow = (update: Uint8Array) => Y.applyUpdate(copy, update);
  doc.on("update", follow);
  doc.once("destroy", () => dropShadow(doc));
  shadows.set(doc, { copy, follow });
  return copy;
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

/**
 * Checks one incoming Yjs update before it touches the shared document: applied to the copy, the text afterwards
 * must pass the same check as every saved revision (schema, links, 512 KB). From someone who may only suggest
 * (`suggestOnly` = their user id), the text without suggestions must stay the same and only their own
 * suggestions may change. Synchronous and database-free.
 */
export function checkLiveUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: string | null = null,
  suggestOnly = false,
): AppError | null {
  if (update.byteLength > MAX_UPDATE_BYTES) return new AppError("VALIDATION", "appError.content.tooLarge");
  const copy = shadowOf(doc);
  let problem: AppError | null = null;
  try {
    const before = suggestOnly ? validateLiveContent(liveDocumentJson(copy)) : null;
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
      const after = validateLiveContent(liveDocumentJson(copy));
      const refusal = before && author ? suggestOnlyRefusal(before, after, author!) : null;
      if (refusal) problem = new AppError("FORBIDDEN", `appError.suggestion.${refusal}`);
      else if (author && claimsOthersSuggestion(doc, after, author))
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

function suggestionIds(node: PmNode): Set<string> {
  const ids = new Set<string>();
  node.descendants((child) => {
    for (const mark of child.marks) if (isSuggestionMarkName(mark.type.name)) ids.add(String(mark.attrs.id));
    return true;
  });
  return ids;
}

/**
 * A writer may take over, change or drop anyone's suggestion (that is editing the text), but a new suggestion must
 * be their own: nobody can put words into someone else's name. Compared with the ids the document held before
 * (read again from the document itself when an unknown one appears, e.g. after a change the server made).
 */
function claimsOthersSuggestion(doc: Y.Doc, after: PmNode, author: string): boolean {
  const ids = suggestionIds(after);
  let known = knownSuggestionIds.get(doc);
  const unknown = (set: Set<string> | undefined) =>
    [...ids].some((id) => !set?.has(id) && suggestionAuthorId(id) !== author);
  if (unknown(known)) {
    known = suggestionIds(validateLiveContent(liveDocumentJson(doc)));
    if (unknown(known)) return true;
  }
  knownSuggestionIds.set(doc, ids);
  return false;
}
