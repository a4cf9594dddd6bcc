import "server-only";
import { Node as PmNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { SUGGESTION_MARKS } from "@/lib/content/editor-extensions";
import { liveEditorSchema } from "@/lib/content/suggestions";

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
  prosemirrorJSONToYXmlFragment(liveEditorSchema(), content, doc.getXmlFragment(LIVE_FIELD));
  return doc;
}

/** The live text as tiptap JSON (not yet validated). */
export function liveDocumentJson(doc: Y.Doc): unknown {
  return blockMarksFromAttributes(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(LIVE_FIELD)));
}

type JsonNode = { type?: string; attrs?: Record<string, unknown>; marks?: unknown[]; content?: JsonNode[] };

/**
 * Yjs keeps a block's marks (a suggested new paragraph) as attributes of its element; the JSON reader gives them
 * back as attributes, so they are moved to `marks`, where the schema checks them. Without recursion: a hostile
 * document may nest deeper than the stack (the depth is checked after this).
 */
function blockMarksFromAttributes(json: unknown): unknown {
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop() as JsonNode | null;
    if (!node || typeof node !== "object") continue;
    if (node.type !== "text" && node.attrs && typeof node.attrs === "object") {
      for (const name of SUGGESTION_MARKS) {
        if (!(name in node.attrs)) continue;
        const attrs = node.attrs[name];
        delete node.attrs[name];
        (node.marks ??= []).push({ type: name, attrs });
      }
      if (Object.keys(node.attrs).length === 0) delete node.attrs;
    }
    if (Array.isArray(node.content)) for (const child of node.content) stack.push(child);
  }
  return json;
}

/**
 * Makes the live text equal to `content` (a restored revision, an accepted proposal) as an ordinary, minimal
 * change: everyone connected sees it at once, and unrelated typing elsewhere in the text is kept.
 */
export function replaceLiveContent(doc: Y.Doc, content: unknown, origin: unknown): void {
  const node = PmNode.fromJSON(liveEditorSchema(), content);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(LIVE_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
