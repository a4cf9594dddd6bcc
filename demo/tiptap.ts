/** Tiny builders for tiptap JSON, for seed data and tests. */
type Inline = { type: "text"; text: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };
export type Block = { type: string; attrs?: Record<string, unknown>; content?: unknown[] };

export const text = (value: string, ...marks: string[]): Inline =>
  marks.length ? { type: "text", text: value, marks: marks.map((type) => ({ type })) } : { type: "text", text: value };
export const link = (value: string, href: string): Inline => ({
  type: "text",
  text: value,
  marks: [{ type: "link", attrs: { href } }],
});
export const p = (...parts: (string | Inline)[]): Block => ({
  type: "paragraph",
  content: parts.map((part) => (typeof part === "string" ? text(part) : part)),
});
export const h = (level: 2 | 3 | 4, value: string): Block => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
export const ul = (...items: string[]): Block => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [p(i)] })),
});
export const quote = (...paragraphs: string[]): Block => ({ type: "blockquote", content: paragraphs.map((x) => p(x)) });
export const table = (header: string[], rows: string[][]): Block => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((c) => ({ type: "tableHeader", content: [p(c)] })) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((c) => ({ type: "tableCell", content: [p(c)] })) })),
  ],
});
export const doc = (...blocks: Block[]) => ({ type: "doc" as const, content: blocks });
