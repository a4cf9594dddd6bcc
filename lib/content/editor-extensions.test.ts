import { getSchema, type AnyExtension } from "@tiptap/core";
import { Link as TiptapLink } from "@tiptap/extension-link";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { editorExtensions, isAllowedHref } from "./editor-extensions";
import { hrefForAddress } from "./link-mark";

/** What decides whether stored JSON is valid: names in order, content, groups, marks, attributes and their defaults. */
function shape(schema: Schema) {
  const attrs = (a: Record<string, { default?: unknown }> = {}) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, "default" in v ? v.default : "(required)"]));
  return {
    nodes: Object.values(schema.nodes).map((n) => ({
      name: n.name,
      content: n.spec.content,
      group: n.spec.group,
      marks: n.spec.marks,
      attrs: attrs(n.spec.attrs),
    })),
    marks: Object.values(schema.marks).map((m) => ({
      name: m.name,
      inclusive: m.spec.inclusive,
      excludes: m.spec.excludes,
      attrs: attrs(m.spec.attrs),
    })),
  };
}

describe("editor extensions", () => {
  it("build the same schema as StarterKit with tiptap's link did (stored sections stay valid)", () => {
    const before: AnyExtension[] = [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: false,
      }),
      TiptapLink.configure({
        openOnClick: false,
        autolink: true,
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      }),
      TableKit.configure({ table: { resizable: false } }),
    ];
    expect(shape(getSchema(editorExtensions))).toEqual(shape(getSchema(before)));
  });

  it("turns typed or pasted addresses into allowed link targets only", () => {
    expect(hrefForAddress("www.duesseldorf.de")).toBe("https://www.duesseldorf.de");
    expect(hrefForAddress("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(hrefForAddress("amt@duesseldorf.de")).toBe("mailto:amt@duesseldorf.de");
    expect(hrefForAddress("javascript:alert(1)")).toBeNull();
    expect(isAllowedHref("ftp://example.org")).toBe(false);
  });
});
