import { Mark, mergeAttributes, type AnyExtension } from "@tiptap/core";
import Blockquote from "@tiptap/extension-blockquote";
import Document from "@tiptap/extension-document";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableKit, TableRow } from "@tiptap/extension-table";
import Bold from "@tiptap/extension-bold";
import HardBreak from "@tiptap/extension-hard-break";
import Heading from "@tiptap/extension-heading";
import Italic from "@tiptap/extension-italic";
import { ListKeymap } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from "@tiptap/extensions";
import { Link } from "./link-mark";

/**
 * The one definition of what a section may contain. The browser editor and the server's validation and
 * HTML rendering build their schema from this same list, so they can never disagree.
 */
export { isAllowedHref } from "./link-mark";

/**
 * StarterKit's extensions in StarterKit's order (the schema's order of nodes and marks stays as before), without
 * what sections never held (code, strike, underline, rules) and with our own link mark: importing StarterKit
 * would bring all of them, and linkifyjs, into the editor bundle. `live` leaves out the blocks that the live
 * schema extends, the local history (Yjs keeps it per person) and the trailing paragraph (every client would
 * add its own).
 */
function sectionExtensions({ live }: { live: boolean }): AnyExtension[] {
  const only = (extensions: AnyExtension[]) => (live ? [] : extensions);
  return [
    Bold,
    ...only([Blockquote, BulletList]),
    ...only([Document]),
    Dropcursor,
    Gapcursor,
    HardBreak,
    Heading.configure({ levels: [2, 3, 4] }),
    ...only([UndoRedo]),
    Italic,
    ...only([ListItem]),
    ListKeymap,
    Link,
    ...only([OrderedList]),
    Paragraph,
    Text,
    ...only([TrailingNode]),
  ];
}

export const editorExtensions: AnyExtension[] = [
  ...sectionExtensions({ live: false }),
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
  ...sectionExtensions({ live: true }),
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
