import "server-only";
import { Fragment, Node as PmNode, type Schema } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { isAllowedHref } from "./editor-extensions";
import { editorSchema } from "./render-html";
import { suggestionAuthorId } from "./suggestion-ids";
import { liveEditorSchema } from "./suggestions";
import { textMap } from "./text-map";

export const MAX_CONTENT_BYTES = 512 * 1024;
/**
 * Node levels a document may nest (doc › list › item › list …): far more than anyone writes, few enough that every
 * recursive walk (ProseMirror, the HTML and PDF renderers) stays far from the stack limit.
 */
export const MAX_CONTENT_DEPTH = 64;

type JsonNode = { type?: unknown; text?: unknown; content?: unknown; marks?: unknown; attrs?: unknown };

function findDisallowedLink(node: JsonNode): string | null {
  if (Array.isArray(node.marks)) {
    for (const mark of node.marks as JsonNode[]) {
      if (mark?.type === "link") {
        const href = (mark.attrs as { href?: unknown } | undefined)?.href;
        if (!isAllowedHref(href)) return String(href ?? "");
      }
    }
  }
  if (Array.isArray(node.content)) {
    for (const child of node.content as JsonNode[]) {
      const bad = child && typeof child === "object" ? findDisallowedLink(child) : null;
      if (bad !== null) return bad;
    }
  }
  return null;
}

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isShortText = (v: unknown, max: number) => v === null || (typeof v === "string" && v.length <= max);

/**
 * ProseMirror fills in defaults but does not check attribute values; the editor's configuration does.
 * Anything the editor itself cannot produce is refused (heading level 1, a string colspan, a tag name).
 */
const NODE_ATTRS: Record<string, (attrs: Record<string, unknown>) => boolean> = {
  heading: (a) => a.level === 2 || a.level === 3 || a.level === 4,
  orderedList: (a) =>
    isInt(a.start, 0, 100_000) && (a.type === null || ["1", "a", "A", "i", "I"].includes(a.type as string)),
  tableCell: (a) => tableCellAttrs(a),
  tableHeader: (a) => tableCellAttrs(a),
};
function tableCellAttrs(a: Record<string, unknown>): boolean {
  const widths = a.colwidth;
  return (
    isInt(a.colspan, 1, 50) &&
    isInt(a.rowspan, 1, 500) &&
    (widths === null || (Array.isArray(widths) && widths.length <= 50 && widths.every((w) => isInt(w, 0, 5000)))) &&
    isShortText(a.align, 20)
  );
}
const MARK_ATTRS: Record<string, (attrs: Record<string, unknown>) => boolean> = {
  // target, class and title may come along when pasting from a web page; the HTML renderer drops them.
  link: (a) =>
    isAllowedHref(a.href) &&
    isShortText(a.target, 20) &&
    isShortText(a.class, 200) &&
    isShortText(a.rel, 100) &&
    isShortText(a.title, 500),
  // Suggestions (live text only): the id names the author; a formatting change says what it changed.
  insertion: (a) => suggestionAuthorId(a.id) !== null,
  deletion: (a) => suggestionAuthorId(a.id) !== null,
  modification: (a) => suggestionAuthorId(a.id) !== null && isShortText(a.type, 40) && isShortText(a.attrName, 40),
};

function hasAllowedAttrs(node: PmNode): boolean {
  const nodeRule = NODE_ATTRS[node.type.name];
  if (nodeRule && !nodeRule(node.attrs)) return false;
  for (const mark of node.marks) {
    const markRule = MARK_ATTRS[mark.type.name];
    if (markRule && !markRule(mark.attrs)) return false;
  }
  return true;
}

/** The node's descendants (and with `self` the node itself) carry only attributes the editor can produce. */
function hasOnlyAllowedAttrs(node: PmNode, self = false): boolean {
  let ok = !self || hasAllowedAttrs(node);
  node.descendants((child) => {
    if (ok && !hasAllowedAttrs(child)) ok = false;
    return ok;
  });
  return ok;
}

/** How deep `content` arrays nest, counted without recursion (a hostile document may be deeper than the stack). */
function contentDepthExceeds(json: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: json, depth: 1 }];
  const seen = new Set<unknown>();
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const children = (node as JsonNode | null)?.content;
    if (!Array.isArray(children) || seen.has(children)) continue; // a cycle: JSON.stringify refuses it below
    seen.add(children);
    if (depth >= limit) return true;
    for (const child of children) if (child && typeof child === "object") stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

/**
 * Parses untrusted tiptap JSON against the editor schema. Throws a German VALIDATION error for oversized,
 * malformed or disallowed content; returns the normalised JSON and its plain text.
 */
export function validateContent(json: unknown): { content: { type: "doc"; content?: unknown[] }; text: string } {
  const doc = checkedDocument(json, editorSchema());
  return { content: doc.toJSON() as { type: "doc"; content?: unknown[] }, text: plainText(doc) };
}

/** The same checks for the live text, whose schema also holds suggestions; returns the parsed document. */
export function validateLiveContent(json: unknown): PmNode {
  return checkedDocument(json, liveEditorSchema());
}

function checkedDocument(json: unknown, schema: Schema): PmNode {
  checkJson(json, MAX_CONTENT_DEPTH);
  if (!json || typeof json !== "object" || (json as JsonNode).type !== "doc") {
    throw new AppError("VALIDATION", "appError.content.notADocument");
  }
  const doc = parsed(json, schema);
  if (!hasOnlyAllowedAttrs(doc)) {
    throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  }
  return doc;
}

/** The checks on the JSON itself — nesting, size, characters PostgreSQL can store, link schemes; returns its size. */
function checkJson(json: unknown, depthLimit: number): number {
  if (contentDepthExceeds(json, depthLimit)) {
    throw new AppError("VALIDATION", "appError.content.tooDeep", { max: MAX_CONTENT_DEPTH });
  }
  let serialised: string;
  try {
    serialised = JSON.stringify(json);
  } catch {
    throw new AppError("VALIDATION", "appError.content.damaged");
  }
  const bytes = serialised === undefined ? Infinity : Buffer.byteLength(serialised, "utf8");
  if (bytes > MAX_CONTENT_BYTES) {
    throw new AppError("VALIDATION", "appError.content.tooLarge");
  }
  // JSON.stringify writes a lone surrogate and NUL as \u escapes, which PostgreSQL's jsonb refuses to store.
  if (/(?:^|[^\\])(?:\\\\)*\\u(?:d[89a-f][0-9a-f]{2}|0000)/i.test(serialised)) {
    throw new AppError("VALIDATION", "appError.content.unstorableCharacter");
  }
  if (json && typeof json === "object" && findDisallowedLink(json as JsonNode) !== null) {
    throw new AppError("VALIDATION", "appError.content.linkScheme");
  }
  return bytes;
}

function parsed(json: unknown, schema: Schema): PmNode {
  try {
    const node = PmNode.fromJSON(schema, json);
    node.check();
    return node;
  } catch {
    throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  }
}

/** One top-level block of the live text, checked on its own (see `liveDocumentOf`). */
export type CheckedBlock = { node: PmNode; bytes: number };

/**
 * The checks of `validateLiveContent` for one top-level block of the document (its JSON as the Yjs reader gives
 * it): the same nesting limit counted from the document, the same size, character, link, schema and attribute
 * checks. A live text is checked block by block, so an update costs the blocks it touched, not the whole text.
 */
export function checkLiveBlock(json: unknown): CheckedBlock {
  const bytes = checkJson(json, MAX_CONTENT_DEPTH - 1);
  const node = parsed(json, liveEditorSchema());
  if (!hasOnlyAllowedAttrs(node, true)) {
    throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  }
  return { node, bytes };
}

/** Length of `{"type":"doc","content":[…]}` around the blocks' own JSON and the commas between them. */
const DOC_ENVELOPE_BYTES = '{"type":"doc","content":[]}'.length;

/**
 * The document of checked blocks, with the checks that concern the whole: the blocks' order and kinds (the
 * schema's content rule for the document) and the 512 KB limit on the whole text. Same result as
 * `validateLiveContent` on the document's JSON.
 */
export function liveDocumentOf(blocks: CheckedBlock[]): PmNode {
  let bytes = DOC_ENVELOPE_BYTES + Math.max(blocks.length - 1, 0);
  for (const block of blocks) bytes += block.bytes;
  if (bytes > MAX_CONTENT_BYTES) throw new AppError("VALIDATION", "appError.content.tooLarge");
  const schema = liveEditorSchema();
  const content = Fragment.fromArray(blocks.map((block) => block.node));
  if (!schema.topNodeType.validContent(content)) throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  return schema.topNodeType.create(null, content);
}

/** The text comments anchor to (see text-map.ts); stored with every revision. */
export function plainText(doc: PmNode): string {
  return textMap(doc).text;
}
