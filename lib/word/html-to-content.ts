import "server-only";
import { DOMParser } from "@tiptap/pm/model";
import sanitizeHtml from "sanitize-html";
import { isAllowedHref } from "@/lib/content/editor-extensions";
import { editorSchema, SANITIZE, serializerDocument } from "@/lib/content/render-html";
import { validateContent } from "@/lib/content/validate-content";
import { AppError } from "@/lib/errors";

// A section sits under its own title: Word's "Überschrift 1" becomes the section's first heading level (2), and so on.
const HEADING_LEVEL: Record<string, string> = { h1: "h2", h2: "h3", h3: "h4", h5: "h4", h6: "h4" };

const IMPORT_SANITIZE: sanitizeHtml.IOptions = {
  ...SANITIZE,
  transformTags: {
    ...SANITIZE.transformTags,
    ...HEADING_LEVEL,
    b: "strong",
    i: "em",
    // Links only to http(s)/mailto survive; internal bookmarks (#…) and file links keep their text.
    a: (_tagName, attribs): sanitizeHtml.Tag =>
      isAllowedHref(attribs.href)
        ? { tagName: "a", attribs: { href: attribs.href!, rel: "noopener noreferrer nofollow" } }
        : { tagName: "span", attribs: {} },
  },
};

/** mammoth appends footnotes and endnotes as a list at the end, linked from the text; they are reported instead. */
function withoutNotes(html: string): string {
  const wrap = serializerDocument().createElement("div");
  wrap.innerHTML = html;
  for (const ref of wrap.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) {
    const sup = ref.parentElement?.tagName === "SUP" ? ref.parentElement : null;
    (sup ?? ref).remove();
  }
  for (const note of wrap.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')) {
    const list = note.parentElement;
    note.remove();
    if (list && !list.children.length) list.remove();
  }
  return wrap.innerHTML;
}

/**
 * Untrusted HTML (from mammoth) → section content: sanitised with the allowlist the app renders content with,
 * parsed with the editor's schema (as a paste would be), and validated like every save.
 */
export function htmlToContent(html: string): { content: { type: "doc"; content?: unknown[] }; text: string } {
  const clean = sanitizeHtml(withoutNotes(html), IMPORT_SANITIZE);
  const wrap = serializerDocument().createElement("div");
  wrap.innerHTML = clean;
  const doc = DOMParser.fromSchema(editorSchema()).parse(wrap as unknown as HTMLElement);
  const result = validateContent(doc.toJSON());
  if (!result.text.trim()) throw new AppError("VALIDATION", "appError.word.empty");
  return result;
}
