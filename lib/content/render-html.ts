import "server-only";
import { getSchema } from "@tiptap/core";
import { DOMSerializer, Node as PmNode, Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { Window } from "happy-dom";
import sanitizeHtml from "sanitize-html";
import { editorExtensions } from "./editor-extensions";

let schema: Schema | undefined;
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}

let annotated: Schema | undefined;
/** The editor schema plus a render-only mark for anchored comments (never stored). */
function annotatedSchema(): Schema {
  if (annotated) return annotated;
  const base = editorSchema();
  annotated = new Schema({
    nodes: base.spec.nodes,
    marks: base.spec.marks.addToEnd("annotation", {
      attrs: { thread: {} },
      excludes: "",
      inclusive: false,
      toDOM: (mark) => ["mark", { "data-thread": String(mark.attrs.thread), class: "comment-anchor" }, 0],
    }),
  });
  return annotated;
}

let domWindow: Window | undefined;
/** A script-less DOM document for serialising and parsing content on the server. */
export function serializerDocument() {
  domWindow ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  return domWindow.document;
}

/** What content HTML may hold on its way out (pages, exports) and in (Word import). */
export const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "mark",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
  ],
  allowedAttributes: {
    mark: ["data-thread", "class"],
    a: ["href", "rel"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

export type Highlight = { from: number; to: number; threadId: string };

/**
 * Stored tiptap JSON → sanitized HTML; the only way section content reaches a page or an export.
 * Highlights (document position ranges, see text-map.ts) become <mark data-thread> around anchored text.
 */
export function renderContentHtml(json: unknown, highlights: Highlight[] = []): string {
  const s = highlights.length ? annotatedSchema() : editorSchema();
  let doc = PmNode.fromJSON(s, json);
  if (highlights.length) {
    const tr = new Transform(doc);
    const type = s.marks.annotation!;
    for (const h of highlights)
      if (h.to > h.from && h.to <= doc.content.size) tr.addMark(h.from, h.to, type.create({ thread: h.threadId }));
    doc = tr.doc;
  }
  const document = serializerDocument();
  const wrap = document.createElement("div");
  DOMSerializer.fromSchema(s).serializeFragment(
    doc.content,
    { document: document as unknown as Document },
    wrap as unknown as HTMLElement,
  );
  return sanitizeHtml(wrap.innerHTML, SANITIZE);
}
