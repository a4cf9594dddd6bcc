import "server-only";
import { Node as PmNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { editorSchema } from "@/lib/content/render-html";

/** The one shared type the editor binds to (tiptap's Collaboration extension default). */
export const LIVE_FIELD = "default";
/**
 * Seeding uses a fixed client id: two processes (or a reload after the stored state was lost) that seed the same
 * revision produce identical Yjs items, so merging them never doubles the text.
 */
const SEED_CLIENT_ID = 1;

/** Transaction origin of changes the server makes itself (a restored revision, an accepted proposal). */
export const SERVER_ORIGIN = { source: "local" as const, context: { server: true } };

/** A Yjs document holding the given (validated) tiptap JSON. */
export function seedLiveDocument(content: unknown): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  prosemirrorJSONToYXmlFragment(editorSchema(), content, doc.getXmlFragment(LIVE_FIELD));
  return doc;
}

/** The live text as tiptap JSON (not yet validated). */
export function liveDocumentJson(doc: Y.Doc): unknown {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(LIVE_FIELD));
}

/**
 * Makes the live text equal to `content` (a restored revision, an accepted proposal) as an ordinary, minimal
 * change: everyone connected sees it at once, and unrelated typing elsewhere in the text is kept.
 */
export function replaceLiveContent(doc: Y.Doc, content: unknown, origin: unknown): void {
  const node = PmNode.fromJSON(editorSchema(), content);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(LIVE_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
