import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { liveEditorExtensions } from "@/lib/content/editor-extensions";
import { SuggestChanges } from "./suggest-changes";

export type LiveUser = { id: string; name: string; organisation: string | null; color: string };

/**
 * The shared extension list bound to the live document (without a local history: Yjs keeps it per person, so
 * undo undoes only your own typing), and others' cursors show with name and colour.
 */
export function liveExtensions(document: Y.Doc, provider: HocuspocusProvider, user: LiveUser): AnyExtension[] {
  return [
    ...liveEditorExtensions,
    Collaboration.configure({ document }),
    CollaborationCaret.configure({ provider, user }),
    SuggestChanges.configure({ userId: user.id }),
  ];
}

/** A readable, stable colour per person (dark enough for white text on it). */
export function colourFor(id: string): string {
  const colours = ["#1f5faa", "#a3372b", "#2e6b34", "#7a3f96", "#8a5a00", "#00707a", "#9c2f6b", "#4a5568"];
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return colours[Math.abs(hash) % colours.length]!;
}
