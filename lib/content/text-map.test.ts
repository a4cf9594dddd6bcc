import { describe, expect, it } from "vitest";
import { Node as PmNode } from "@tiptap/pm/model";
import { doc, p, table, text, ul } from "@/demo/tiptap";
import { editorSchema } from "./render-html";
import { textMap, textRangeToPositions } from "./text-map";

const pm = (json: unknown) => PmNode.fromJSON(editorSchema(), json);

describe("text map", () => {
  it("joins text blocks with one newline, including list items and table cells", () => {
    const d = pm(
      doc(p("Erster ", text("fetter", "bold"), " Satz."), ul("Punkt A", "Punkt B"), table(["Kopf"], [["Zelle"]])),
    );
    expect(textMap(d).text).toBe("Erster fetter Satz.\nPunkt A\nPunkt B\nKopf\nZelle");
  });

  it("maps text offsets back to document positions across marks", () => {
    const d = pm(doc(p("Erster ", text("fetter", "bold"), " Satz.")));
    const map = textMap(d);
    const start = map.text.indexOf("ter fet");
    const ranges = textRangeToPositions(map, start, start + "ter fet".length);
    expect(ranges.map((r) => d.textBetween(r.from, r.to)).join("")).toBe("ter fet");
    expect(ranges).toHaveLength(2);
  });
});

describe("highlighted rendering", () => {
  it("wraps an anchored range in <mark data-thread>, across formatting", async () => {
    const { renderContentHtml } = await import("./render-html");
    const json = doc(p("Erster ", text("fetter", "bold"), " Satz."));
    const d = pm(json);
    const map = textMap(d);
    const start = map.text.indexOf("ter fet");
    const highlights = textRangeToPositions(map, start, start + 7).map((r) => ({ ...r, threadId: "t1" }));
    const html = renderContentHtml(json, highlights);
    expect(html).toContain('<mark data-thread="t1" class="comment-anchor">ter </mark>');
    expect(html).toMatch(
      /<strong><mark data-thread="t1" class="comment-anchor">fet<\/mark>ter<\/strong>|<mark data-thread="t1" class="comment-anchor"><strong>fet<\/strong><\/mark>/,
    );
    expect(renderContentHtml(json)).not.toContain("<mark");
  });
});
