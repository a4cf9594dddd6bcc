import { describe, expect, it } from "vitest";
import { doc, h, link, p, quote, table, text, ul } from "@/demo/tiptap";
import { SECTIONS } from "@/demo/welcome-points";
import { cleanText, flattenBlocks, inlinesToPlain, toBlocks } from "./content-blocks";

const plain = (value: string) => ({ kind: "text", text: value, bold: false, italic: false });

describe("toBlocks", () => {
  it("maps every node type of the editor schema", () => {
    const blocks = toBlocks(
      doc(
        h(3, "Unterpunkt"),
        p(
          "Ein ",
          text("fetter", "bold"),
          " und ",
          text("kursiver", "italic"),
          " Text mit ",
          link("Link", "https://example.org/a"),
        ),
        ul("eins", "zwei"),
        quote("Zitat"),
        table(["Kopf"], [["Zelle"]]),
      ),
    );
    expect(blocks).toEqual([
      // Stored as h3 but the first heading: placed right below the parent level (1).
      { kind: "heading", level: 2, inlines: [plain("Unterpunkt")] },
      {
        kind: "paragraph",
        inlines: [
          plain("Ein "),
          { kind: "text", text: "fetter", bold: true, italic: false },
          plain(" und "),
          { kind: "text", text: "kursiver", bold: false, italic: true },
          plain(" Text mit "),
          { kind: "text", text: "Link", bold: false, italic: false, href: "https://example.org/a" },
        ],
      },
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [[{ kind: "paragraph", inlines: [plain("eins")] }], [{ kind: "paragraph", inlines: [plain("zwei")] }]],
      },
      { kind: "blockquote", blocks: [{ kind: "paragraph", inlines: [plain("Zitat")] }] },
      {
        kind: "table",
        columns: 1,
        rows: [
          [{ header: true, colspan: 1, blocks: [{ kind: "paragraph", inlines: [plain("Kopf")] }] }],
          [{ header: false, colspan: 1, blocks: [{ kind: "paragraph", inlines: [plain("Zelle")] }] }],
        ],
      },
    ]);
  });

  it("keeps only http, https and mailto links; the text of any other link stays as plain text", () => {
    const blocks = toBlocks(
      doc(
        p(
          link("a", "javascript:alert(1)"),
          link("b", "data:text/html,<script>"),
          link("c", "mailto:x@example.org"),
          link("d", "vbscript:x"),
        ),
      ),
    );
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        inlines: [
          plain("ab"),
          { kind: "text", text: "c", bold: false, italic: false, href: "mailto:x@example.org" },
          plain("d"),
        ],
      },
    ]);
  });

  it("skips unknown nodes and garbage without throwing", () => {
    const hostile = {
      type: "doc",
      content: [
        { type: "iframe", attrs: { src: "https://evil.example" }, content: [p("versteckt")] },
        null,
        42,
        "string",
        {
          type: "paragraph",
          content: [
            { type: "text", text: 7 },
            { type: "image", attrs: { src: "x" } },
            { type: "text", text: "bleibt" },
          ],
        },
        { type: "heading", attrs: { level: 1 }, content: "kein Array" },
        { type: "bulletList", content: [{ type: "paragraph" }] },
        { type: "table", content: [] },
      ],
    };
    expect(toBlocks(hostile)).toEqual([
      { kind: "paragraph", inlines: [plain("bleibt")] },
      { kind: "heading", level: 2, inlines: [] },
    ]);
    expect(toBlocks(null)).toEqual([]);
    expect(toBlocks("doc")).toEqual([]);
    expect(toBlocks({ type: "doc", content: "x" })).toEqual([]);
  });

  it("drops content nested deeper than any editor produces instead of overflowing the stack", () => {
    let node: unknown = p("tief");
    for (let i = 0; i < 5000; i++) node = { type: "blockquote", content: [node] };
    const blocks = toBlocks({ type: "doc", content: [node] });
    expect(JSON.stringify(blocks)).not.toContain("tief");
  });

  it("pads ragged table rows to a rectangular grid and caps spans", () => {
    const ragged = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", attrs: { colspan: 2 }, content: [p("breit")] },
                { type: "tableHeader", content: [p("c")] },
              ],
            },
            { type: "tableRow", content: [{ type: "tableCell", content: [p("nur eine")] }] },
            { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 1e9 }, content: [] }] },
          ],
        },
      ],
    };
    const [t] = toBlocks(ragged);
    expect(t?.kind).toBe("table");
    if (t?.kind !== "table") return;
    expect(t.columns).toBe(20);
    expect(t.rows.map((r) => r.reduce((sum, c) => sum + c.colspan, 0))).toEqual([20, 20, 20]);
  });

  it("turns hard breaks into break inlines and removes control characters", () => {
    const [block] = toBlocks({
      type: "doc",
      content: [{ type: "paragraph", content: [text("a\u0000b\u0007"), { type: "hardBreak" }, text("c\td\ne")] }],
    });
    expect(block?.kind === "paragraph" && inlinesToPlain(block.inlines)).toBe("ab\nc d e");
    expect(cleanText("x\uD800y\u001Fz\r\n")).toBe("x\uFFFDyz\n");
  });

  it("reads every section of the Welcome Points seed", () => {
    for (const section of SECTIONS) expect(toBlocks(section.content).length).toBeGreaterThan(0);
  });
});

describe("flattenBlocks", () => {
  it("turns lists into prefixed lines for table cells", () => {
    const flat = flattenBlocks(
      toBlocks(
        doc(p("Intro"), {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [p("drei"), ul("innen")] }],
        }),
      ),
    );
    expect(flat.map((f) => [f.indent, f.prefix, inlinesToPlain(f.inlines)])).toEqual([
      [0, "", "Intro"],
      [1, "3. ", "drei"],
      [2, "• ", "innen"],
    ]);
  });
});
