import "server-only";
import { Node as PmNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { isAllowedHref } from "./editor-extensions";
import { editorSchema } from "./render-html";
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
};

function hasOnlyAllowedAttrs(doc: PmNode): boolean {
  let ok = true;
  doc.descendants((node) => {
    if (!ok) return false;
    const nodeRule = NODE_ATTRS[node.type.name];
    if (nodeRule && !nodeRule(node.attrs)) ok = false;
    for (const mark of node.marks) {
      const markRule = MARK_ATTRS[mark.type.name];
      if (markRule && !markRule(mark.attrs)) ok = false;
    }
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
  const doc = checkContent(json);
  return { content: doc.toJSON() as { type: "doc"; content?: unknown[] }, text: plainText(doc) };
}

/**
 * The same checks as `validateContent`, returning the parsed document only: for the live editor, which checks
 * every incoming change and needs neither the normalised JSON nor the plain text.
 */
export function checkContent(json: unknown): PmNode {
  if (contentDepthExceeds(json, MAX_CONTENT_DEPTH)) {
    throw new AppError("VALIDATION", "appError.content.tooDeep", { max: MAX_CONTENT_DEPTH });
  }
  let serialised: string;
  try {
    serialised = JSON.stringify(json);
  } catch {
    throw new AppError("VALIDATION", "appError.content.damaged");
  }
  if (serialised === undefined || Buffer.byteLength(serialised, "utf8") > MAX_CONTENT_BYTES) {
    throw new AppError("VALIDATION", "appError.content.tooLarge");
  }
  // JSON.stringify writes a lone surrogate and NUL as \u escapes, which PostgreSQL's jsonb refuses to store.
  if (/(?:^|[^\\])(?:\\\\)*\\u(?:d[89a-f][0-9a-f]{2}|0000)/i.test(serialised)) {
    throw new AppError("VALIDATION", "appError.content.unstorableCharacter");
  }
  if (!json || typeof json !== "object" || (json as JsonNode).type !== "doc") {
    throw new AppError("VALIDATION", "appError.content.notADocument");
  }
  const badLink = findDisallowedLink(json as JsonNode);
  if (badLink !== null) {
    throw new AppError("VALIDATION", "appError.content.linkScheme");
  }
  let doc: PmNode;
  try {
    doc = PmNode.fromJSON(editorSchema(), json);
    doc.check();
  } catch {
    throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  }
  if (!hasOnlyAllowedAttrs(doc)) {
    throw new AppError("VALIDATION", "appError.content.schemaMismatch");
  }
  return doc;
}

/** The text comments anchor to (see text-map.ts); stored with every revision. */
export function plainText(doc: PmNode): string {
  return textMap(doc).text;
}
