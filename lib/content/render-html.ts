import "server-only";
import { getSchema } from "@tiptap/core";
import { DOMSerializer, Node as PmNode, type Schema } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import sanitizeHtml from "sanitize-html";
import { editorExtensions } from "./editor-extensions";

let schema: Schema | undefined;
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}

let domWindow: Window | undefined;
function serializerDocument() {
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

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["h2", "h3", "h4", "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col"],
  allowedAttributes: { a: ["href", "rel"], th: ["colspan", "rowspan", "scope"], td: ["colspan", "rowspan"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

/** Stored tiptap JSON → sanitized HTML; the only way section content reaches a page or an export. */
export function renderContentHtml(json: unknown): string {
  const s = editorSchema();
  const doc = PmNode.fromJSON(s, json);
  const document = serializerDocument();
  const wrap = document.createElement("div");
  DOMSerializer.fromSchema(s).serializeFragment(doc.content, { document: document as unknown as Document }, wrap as unknown as HTMLElement);
  const html = wrap.innerHTML;
  return sanitizeHtml(html, SANITIZE);
}
