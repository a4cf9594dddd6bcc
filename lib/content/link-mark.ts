import { InputRule, Mark, markPasteRule, mergeAttributes } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/**
 * The link mark of every section, in place of `@tiptap/extension-link` (which brings linkifyjs, ≈ 10 KB gzip, to
 * the editor): the same schema (name, attributes, priority, HTML) and commands, and the behaviour the editor used
 * — a pasted or typed address becomes a link, an address pasted over selected text links that text. Addresses are
 * recognised by one pattern (http(s)://…, www.…, e-mail), which is all the allowed schemes need.
 */
export const LINK_REL = "noopener noreferrer nofollow";

/** An address in running text: scheme or www., up to the next space, without trailing punctuation. */
const ADDRESS = String.raw`(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?'")\]]|mailto:[^\s@<>"]+@[^\s<>"]*[^\s<>".,;:!?'")\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}`;
const ADDRESSES = new RegExp(`(?<![\\w@/.])(?:${ADDRESS})`, "gi");
const WHOLE_ADDRESS = new RegExp(`^(?:${ADDRESS})$`, "i");
/** The address just before a typed space or line end (autolink while typing). */
const ADDRESS_BEFORE_SPACE = new RegExp(`(?:^|\\s)(${ADDRESS})(\\s)$`, "i");

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

/** The link target of an address as written: "www.example.org" → https://…, "a@b.de" → mailto:…; null if not allowed. */
export function hrefForAddress(address: string): string | null {
  const value = address.trim();
  const href = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? value
    : value.includes("@") && !value.includes("/")
      ? `mailto:${value}`
      : `https://${value}`;
  return isAllowedHref(href) ? href : null;
}

type LinkAttributes = {
  href: string;
  target?: string | null;
  rel?: string | null;
  class?: string | null;
  title?: string | null;
};

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    link: {
      setLink: (attributes: LinkAttributes) => ReturnType;
      toggleLink: (attributes?: LinkAttributes) => ReturnType;
      unsetLink: () => ReturnType;
    };
  }
}

const HTML_ATTRIBUTES = { target: null, rel: LINK_REL, class: null };

export const Link = Mark.create({
  name: "link",
  // As @tiptap/extension-link: first among the marks, so stored documents keep their mark order.
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  // Typing at the end of a link continues it (as with autolink before).
  inclusive: true,

  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute("href") },
      target: { default: HTML_ATTRIBUTES.target },
      rel: { default: HTML_ATTRIBUTES.rel },
      class: { default: HTML_ATTRIBUTES.class },
      title: { default: null },
    };
  },

  parseHTML() {
    return [{ tag: "a[href]", getAttrs: (dom) => (isAllowedHref(dom.getAttribute("href")) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    const attributes = isAllowedHref(HTMLAttributes.href) ? HTMLAttributes : { ...HTMLAttributes, href: "" };
    return ["a", mergeAttributes(HTML_ATTRIBUTES, attributes), 0];
  },

  addCommands() {
    return {
      setLink:
        (attributes) =>
        ({ chain }) =>
          isAllowedHref(attributes.href) && chain().setMark(this.name, attributes).run(),
      toggleLink:
        (attributes) =>
        ({ chain }) =>
          (!attributes?.href || isAllowedHref(attributes.href)) &&
          chain().toggleMark(this.name, attributes, { extendEmptyMarkRange: true }).run(),
      unsetLink:
        () =>
        ({ chain }) =>
          chain().unsetMark(this.name, { extendEmptyMarkRange: true }).run(),
    };
  },

  addPasteRules() {
    return [
      markPasteRule({
        find: ADDRESSES,
        type: this.type,
        getAttributes: (match) => {
          const href = hrefForAddress(match[0]);
          return href ? { href } : false;
        },
      }),
    ];
  },

  addInputRules() {
    const type = this.type;
    return [
      new InputRule({
        find: ADDRESS_BEFORE_SPACE,
        handler: ({ state, range, match }) => {
          const address = match[1]!;
          const space = match[2]!;
          const href = hrefForAddress(address);
          const from = range.from + match[0].indexOf(address);
          const to = from + address.length;
          if (!href || state.doc.rangeHasMark(from, to, type)) return null;
          const tr = state.tr.addMark(from, to, type.create({ href }));
          // The typed space ends the link: it gets the marks around it, not the link.
          tr.setStoredMarks(type.removeFromSet(tr.doc.resolve(range.to).marks())).insertText(space, range.to);
        },
      }),
    ];
  },

  addProseMirrorPlugins() {
    const { editor, type } = this;
    return [
      new Plugin({
        key: new PluginKey("linkOnPaste"),
        props: {
          // An address pasted over selected text links that text.
          handlePaste: (view, _event, slice) => {
            if (view.state.selection.empty) return false;
            let text = "";
            slice.content.forEach((node) => (text += node.textContent));
            const href = WHOLE_ADDRESS.test(text.trim()) ? hrefForAddress(text) : null;
            return href ? editor.commands.setMark(type, { href }) : false;
          },
        },
      }),
    ];
  },
});
