import "server-only";
import { Node as PmNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { isAllowedHref } from "./editor-extensions";
import { editorSchema } from "./render-html";
import { textMap } from "./text-map";

export const MAX_CONTENT_BYTES = 512 * 1024;

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

/**
 * Parses untrusted tiptap JSON against the editor schema. Throws a German VALIDATION error for oversized,
 * malformed or disallowed content; returns the normalised JSON and its plain text.
 */
export function validateContent(json: unknown): { content: { type: "doc"; content?: unknown[] }; text: string } {
  let serialised: string;
  try {
    serialised = JSON.stringify(json);
  } catch {
    throw new AppError("VALIDATION", "Der Inhalt ist beschädigt und kann nicht gespeichert werden.");
  }
  if (serialised === undefined || Buffer.byteLength(serialised, "utf8") > MAX_CONTENT_BYTES) {
    throw new AppError("VALIDATION", "Der Abschnitt ist zu groß (höchstens 512 KB). Bitte teilen Sie ihn auf.");
  }
  if (!json || typeof json !== "object" || (json as JsonNode).type !== "doc") {
    throw new AppError("VALIDATION", "Der Inhalt ist kein gültiges Dokument.");
  }
  const badLink = findDisallowedLink(json as JsonNode);
  if (badLink !== null) {
    throw new AppError("VALIDATION", "Links sind nur mit http, https oder mailto erlaubt.");
  }
  let doc: PmNode;
  try {
    doc = PmNode.fromJSON(editorSchema(), json);
    doc.check();
  } catch {
    throw new AppError("VALIDATION", "Der Inhalt entspricht nicht dem erlaubten Format des Editors.");
  }
  return { content: doc.toJSON() as { type: "doc"; content?: unknown[] }, text: plainText(doc) };
}

/** The text comments anchor to (see text-map.ts); stored with every revision. */
export function plainText(doc: PmNode): string {
  return textMap(doc).text;
}
