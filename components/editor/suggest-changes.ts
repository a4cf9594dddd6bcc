import {
  enableSuggestChanges,
  disableSuggestChanges,
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { isSuggestionMarkName } from "@/lib/content/editor-extensions";
import { newSuggestionId, suggestionAuthorId } from "@/lib/content/suggestion-ids";

type Options = { userId: string };

/**
 * Fired on the editor's element instead of applying a change that would alter someone else's suggestion (the
 * server refuses those); `detail` is that person's user id.
 */
export const SUGGESTION_BLOCKED_EVENT = "konzeptwerk:suggestion-blocked";

/** Suggestion ids of other people's suggestions within [from, to] of `doc`. */
function othersAround(doc: PmNode, from: number, to: number, userId: string): string | null {
  let found: string | null = null;
  const start = Math.max(0, from - 1);
  const end = Math.min(doc.content.size, to + 1);
  doc.nodesBetween(start, end, (node) => {
    for (const mark of node.marks) {
      if (!isSuggestionMarkName(mark.type.name)) continue;
      const author = suggestionAuthorId(mark.attrs.id);
      if (author && author !== userId) found = author;
    }
    return found === null;
  });
  return found;
}

/**
 * Vorschlagsmodus in the editor: while enabled, every change is turned into suggestions carrying this person's id
 * (`@handlewithcare/prosemirror-suggest-changes`); changes from the live connection pass untouched. A change that
 * would join or alter another person's suggestion is not applied (the library joins neighbouring suggestions, and
 * the server refuses changes to someone else's): the person is told to write a little apart.
 */
export const SuggestChanges = Extension.create<Options>({
  name: "suggestChanges",
  addOptions() {
    return { userId: "" };
  },
  addProseMirrorPlugins() {
    return [suggestChanges()];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const ySync = (transaction.getMeta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
    const skip = transaction.getMeta(suggestChangesKey) as { skip?: boolean } | undefined;
    if (
      !transaction.docChanged ||
      !isSuggestChangesEnabled(state) ||
      ySync.isChangeOrigin ||
      ySync.isUndoRedoOperation ||
      skip?.skip
    ) {
      next(transaction);
      return;
    }
    const userId = this.options.userId;
    const tracked: Transaction = transformToSuggestionTransaction(transaction, state, () => newSuggestionId(userId));
    let blocker: string | null = null;
    tracked.steps.forEach((step, index) => {
      step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
        blocker ??= othersAround(tracked.docs[index]!, oldStart, oldEnd, userId);
        blocker ??= othersAround(
          index + 1 < tracked.docs.length ? tracked.docs[index + 1]! : tracked.doc,
          newStart,
          newEnd,
          userId,
        );
      });
    });
    if (blocker) {
      this.editor.view.dom.dispatchEvent(new CustomEvent(SUGGESTION_BLOCKED_EVENT, { detail: blocker }));
      return;
    }
    next(tracked);
  },
});

export function setSuggesting(
  editor: { state: import("@tiptap/pm/state").EditorState; view: { dispatch: (tr: Transaction) => void } },
  on: boolean,
) {
  if (isSuggestChangesEnabled(editor.state) === on) return;
  (on ? enableSuggestChanges : disableSuggestChanges)(editor.state, editor.view.dispatch);
}
