import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

/**
 * The one definition of what a section may contain. The browser editor and the server's validation and
 * HTML rendering build their schema from this same list, so they can never disagree.
 */
export const ALLOWED_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== "string" || href.length > 2048) return false;
  try {
    const url = new URL(href);
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
  } catch {
    return false;
  }
}

export const editorExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
];
