import { Mark, mergeAttributes, type AnyExtension } from "@tiptap/core";
import Blockquote from "@tiptap/extension-blockquote";
import Document from "@tiptap/extension-document";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableKit, TableRow } from "@tiptap/extension-table";
import StarterKit, { type StarterKitOptions } from "@tiptap/starter-kit";

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

const STARTER_KIT_OPTIONS: Partial<StarterKitOptions> = {
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
};

export const editorExtensions: AnyExtension[] = [
  StarterKit.configure(STARTER_KIT_OPTIONS),
  TableKit.configure({ table: { resizable: false } }),
];

/** The three marks of a suggestion (Vorschlagsmodus): inserted, deleted, and changed formatting. */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
const SUGGESTION_MARK_LIST = SUGGESTION_MARKS.join(" ");
export const isSuggestionMarkName = (name: string) => (SUGGESTION_MARKS as readonly string[]).includes(name);

function suggestionMark(name: (typeof SUGGESTION_MARKS)[number], tag: string, extraAttributes: Record<string, null>) {
  return Mark.create({
    name,
    inclusive: false,
    excludes: name === "modification" ? "insertion deletion" : SUGGESTION_MARK_LIST,
    addAttributes() {
      return {
        id: {
          default: null,
          parseHTML: (element) => element.getAttribute("data-suggestion"),
          renderHTML: (attributes) => ({ "data-suggestion": attributes.id }),
        },
        ...Object.fromEntries(Object.keys(extraAttributes).map((key) => [key, { default: null, rendered: false }])),
      };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes({ class: `suggestion suggestion-${name}` }, HTMLAttributes), 0];
    },
  });
}

/**
 * The live document's schema: the same content as every revision, plus the suggestion marks of
 * `@handlewithcare/prosemirror-suggest-changes` — on text and on blocks (a suggested new paragraph or list item),
 * so every container of blocks allows them. Revisions never carry them: a revision is the live text with every
 * open suggestion left out (lib/content/suggestions.ts).
 */
export const liveEditorExtensions: AnyExtension[] = [
  StarterKit.configure({
    ...STARTER_KIT_OPTIONS,
    document: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
  }),
  Document.extend({ marks: SUGGESTION_MARK_LIST }),
  Blockquote.extend({ marks: SUGGESTION_MARK_LIST }),
  BulletList.extend({ marks: SUGGESTION_MARK_LIST }),
  OrderedList.extend({ marks: SUGGESTION_MARK_LIST }),
  ListItem.extend({ marks: SUGGESTION_MARK_LIST }),
  TableKit.configure({ table: false, tableRow: false, tableCell: false, tableHeader: false }),
  Table.extend({ marks: SUGGESTION_MARK_LIST }).configure({ resizable: false }),
  TableRow.extend({ marks: SUGGESTION_MARK_LIST }),
  TableCell.extend({ marks: SUGGESTION_MARK_LIST }),
  TableHeader.extend({ marks: SUGGESTION_MARK_LIST }),
  suggestionMark("insertion", "ins", {}),
  suggestionMark("deletion", "del", {}),
  suggestionMark("modification", "span", { type: null, attrName: null, previousValue: null, newValue: null }),
];
