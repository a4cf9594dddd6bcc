import fc from "fast-check";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { doc, h, link, p, table, text, ul } from "@/demo/tiptap";
import { AppError } from "@/lib/errors";
import { isAllowedHref } from "./editor-extensions";
import { renderContentHtml } from "./render-html";
import { MAX_CONTENT_BYTES, MAX_CONTENT_DEPTH, validateContent } from "./validate-content";

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  '"><iframe src="javascript:alert(1)">',
  "javascript:alert(1)",
  "&lt;script&gt;",
  "\u0000\u202e\ud83d\ude00",
  '<a href="javascript:alert(1)">x</a>',
];
const HOSTILE_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/x",
  "/relative",
  'https://example.org/"onmouseover="alert(1)',
  "https://example.org/ok",
  "mailto:info@example.org",
  42,
  null,
];
const NODE_TYPES = [
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
  "text",
  "doc",
  "codeBlock",
  "image",
  "iframe",
  "script",
  "hardBreak",
  "horizontalRule",
];
const MARK_TYPES = ["bold", "italic", "link", "code", "strike", "underline", "script", "textStyle"];

/** Random JSON trees that look a bit like tiptap documents and carry hostile payloads everywhere. */
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 }));
const hostileAttrs = fc.dictionary(
  fc.constantFrom(
    "level",
    "href",
    "onerror",
    "onclick",
    "style",
    "class",
    "src",
    "target",
    "start",
    "colspan",
    "__proto__",
    "constructor",
  ),
  fc.oneof(hostileString, fc.constantFrom(...HOSTILE_HREFS), fc.integer({ min: -5, max: 10 })),
  { maxKeys: 3 },
);
const hostileMark = fc.record(
  { type: fc.constantFrom(...MARK_TYPES), attrs: fc.option(hostileAttrs, { nil: undefined }) },
  { requiredKeys: ["type"] },
);
const { node: hostileNode } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record(
      {
        type: fc.constant("text"),
        text: hostileString,
        marks: fc.option(fc.array(hostileMark, { maxLength: 2 }), { nil: undefined }),
      },
      { requiredKeys: ["type", "text"] },
    ),
    fc.record(
      {
        type: fc.constantFrom(...NODE_TYPES),
        attrs: fc.option(hostileAttrs, { nil: undefined }),
        content: fc.option(fc.array(tie("node"), { maxLength: 4 }), { nil: undefined }),
      },
      { requiredKeys: ["type"] },
    ),
    fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer(), fc.array(fc.constant(1), { maxLength: 2 })),
  ),
}));

/** Well-formed documents whose text and links carry the payloads: these must pass and render inert. */
/** What PostgreSQL can store: no NUL, no lone surrogate (validateContent refuses those; see the test below). */
const storableString = hostileString.map((s) => s.replaceAll("\u0000", "").toWellFormed());
const validDocWithPayloads = fc
  .array(
    fc.oneof(
      storableString.map((s) => p(s || "x")),
      fc
        .tuple(
          storableString,
          fc.constantFrom("https://example.org/a?b=<c>", "mailto:a@example.org", 'http://x.example/"><script>'),
        )
        .map(([s, href]) => p(link(s || "x", href))),
      storableString.map((s) => h(3, s || "x")),
      fc
        .array(
          storableString.map((s) => s || "x"),
          { minLength: 1, maxLength: 3 },
        )
        .map((items) => ul(...items)),
      storableString.map((s) => table(["Kopf", s || "x"], [[s || "x", "y"]])),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((blocks) => doc(...blocks));

const ALLOWED_ELEMENTS = new Set([
  "H2",
  "H3",
  "H4",
  "P",
  "BR",
  "STRONG",
  "EM",
  "UL",
  "OL",
  "LI",
  "BLOCKQUOTE",
  "A",
  "TABLE",
  "THEAD",
  "TBODY",
  "TR",
  "TH",
  "TD",
  "COLGROUP",
  "COL",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "rel", "colspan", "rowspan", "scope", "start"]);
const parser = new Window({
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
});

function storedHrefs(node: unknown): unknown[] {
  const n = node as { marks?: { type: string; attrs?: { href?: unknown } }[]; content?: unknown[] };
  const own = (n.marks ?? []).filter((m) => m.type === "link").map((m) => m.attrs?.href);
  return [...own, ...(n.content ?? []).flatMap(storedHrefs)];
}

/** Parses the HTML the way a browser would and checks every element and attribute that came out. */
/** Mostly nonsense, partly well-formed documents with hostile attributes and marks injected. */
const randomTree = fc.record({
  type: fc.constantFrom("doc", "doc", "doc", "paragraph"),
  content: fc.array(hostileNode, { maxLength: 5 }),
});
const injected = fc
  .tuple(validDocWithPayloads, hostileAttrs, fc.array(hostileMark, { maxLength: 2 }))
  .map(([d, attrs, marks]) => {
    const [first, ...rest] = d.content;
    const block = { ...first!, attrs: { ...first!.attrs, ...attrs } };
    const withMarks = marks.length ? [p({ type: "text", text: "markiert", marks: marks as never })] : [];
    return { type: "doc", content: [block, ...rest, ...withMarks] };
  });
const hostileDoc = fc.oneof(randomTree, injected, validDocWithPayloads);

function expectInertHtml(html: string) {
  const container = parser.document.createElement("div");
  container.innerHTML = html;
  for (const element of container.querySelectorAll("*")) {
    expect(ALLOWED_ELEMENTS.has(element.tagName), element.tagName).toBe(true);
    for (const attribute of element.attributes) {
      expect(ALLOWED_ATTRIBUTES.has(attribute.name), attribute.name).toBe(true);
      if (attribute.name === "href") expect(isAllowedHref(attribute.value), String(attribute.value)).toBe(true);
    }
  }
}

describe("validateContent", () => {
  it("accepts the editor's own document shapes and returns normalised JSON and plain text", () => {
    const input = doc(
      h(2, "Titel"),
      p("Ein ", text("fetter", "bold"), " Satz mit ", link("Link", "https://example.org"), "."),
      table(["A", "B"], [["1", "2"]]),
    );
    const { content, text: plain } = validateContent(input);
    expect(content.type).toBe("doc");
    expect(plain).toContain("Titel\nEin fetter Satz mit Link.");
    expect(validateContent(content).content).toEqual(content);
  });

  it.each([
    [
      "a javascript: link",
      doc(p(link("x", "javascript:alert(1)"))),
      "Links sind nur mit http, https oder mailto erlaubt.",
    ],
    ["a data: link", doc(p(link("x", "data:text/html,hi"))), "Links sind nur mit http, https oder mailto erlaubt."],
    [
      "an unknown node",
      { type: "doc", content: [{ type: "image", attrs: { src: "x" } }] },
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    [
      "a heading with a tag name as level",
      {
        type: "doc",
        content: [{ type: "heading", attrs: { level: "1><script>" }, content: [{ type: "text", text: "x" }] }],
      },
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    [
      "a link with an object as title",
      doc(
        p({
          type: "text",
          text: "x",
          marks: [{ type: "link", attrs: { href: "https://example.org", title: { x: 1 } } }],
        }),
      ),
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    [
      "a string colspan",
      {
        type: "doc",
        content: [
          {
            type: "table",
            content: [
              { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: "2" }, content: [p("x")] }] },
            ],
          },
        ],
      },
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    [
      "a heading level 1",
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }] },
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    [
      "an empty text node",
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] },
      "Der Inhalt entspricht nicht dem erlaubten Format des Editors.",
    ],
    ["not a document", { type: "paragraph" }, "Der Inhalt ist kein gültiges Dokument."],
    ["a string", "<p>hi</p>", "Der Inhalt ist kein gültiges Dokument."],
    ["nothing", undefined, "Der Abschnitt ist zu groß (höchstens 512 KB). Bitte teilen Sie ihn auf."],
  ])("refuses %s with a German message", (_label, input, message) => {
    expect(() => validateContent(input)).toThrow(message);
  });

  it("refuses content over 512 KB, and accepts it just below", () => {
    const paragraph = "Ä".repeat(1000);
    const big = doc(...Array.from({ length: 270 }, () => p(paragraph)));
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(MAX_CONTENT_BYTES);
    expect(() => validateContent(big)).toThrow(/zu groß/);
    const fits = doc(...Array.from({ length: 250 }, () => p(paragraph)));
    expect(Buffer.byteLength(JSON.stringify(fits))).toBeLessThan(MAX_CONTENT_BYTES);
    expect(validateContent(fits).text.length).toBe(250 * 1000 + 249);
  });

  it("refuses circular JSON", () => {
    const circular: Record<string, unknown> = { type: "doc" };
    circular.content = [circular];
    expect(() => validateContent(circular)).toThrow(/beschädigt/);
  });

  it("either refuses a hostile document with a VALIDATION error or returns one that renders inert (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostileDoc, (input) => {
        let result: ReturnType<typeof validateContent>;
        try {
          result = validateContent(input);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("VALIDATION");
          return;
        }
        accepted++;
        expect(validateContent(result.content).content).toEqual(result.content);
        for (const href of storedHrefs(result.content)) expect(isAllowedHref(href), String(href)).toBe(true);
        expectInertHtml(renderContentHtml(result.content));
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("keeps payloads in text and allowed links as inert text (property)", () => {
    fc.assert(
      fc.property(validDocWithPayloads, (input) => {
        const { content, text: plain } = validateContent(input);
        const html = renderContentHtml(content);
        expectInertHtml(html);
        if (plain.includes("<script>")) expect(html).toContain("&lt;script&gt;");
      }),
      { numRuns: 300 },
    );
  });

  it("refuses documents nested deeper than MAX_CONTENT_DEPTH and text PostgreSQL cannot store", () => {
    const nested = (levels: number) => {
      let node: unknown = { type: "paragraph", content: [{ type: "text", text: "tief" }] };
      for (let i = 0; i < levels; i++) node = { type: "blockquote", content: [node] };
      return { type: "doc", content: [node] };
    };
    expect(validateContent(nested(20)).text).toBe("tief");
    expect(() => validateContent(nested(MAX_CONTENT_DEPTH))).toThrow(/zu tief verschachtelt/);
    expect(() => validateContent(nested(50_000))).toThrow(/zu tief verschachtelt/);
    for (const bad of ["a\\ud800", "\\udfff", "x\\u0000"]) {
      const json = JSON.parse(
        `{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"${bad}"}]}]}`,
      );
      expect(() => validateContent(json), bad).toThrow(/unzulässiges Zeichen/);
    }
    expect(validateContent(doc(p(text("Gut 👍 \\ud800 als Text")))).text).toContain("👍");
  });
});
