import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { xmlProblems } from "@/test/xml-well-formed";
import type { ExportDocument, TiptapDoc } from "./export-document";
import { renderDocx } from "./render-docx";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";
import { renderSynopseCsv } from "./render-synopse";

/** Random documents that are valid per the editor schema (headings 2–4, lists, quotes, tables, marks, links). */
const HREFS = [
  "https://example.org/",
  "http://a.example/x?y=1&z=(2)",
  "mailto:a@b.example",
  "javascript:alert(1)",
  "data:text/html,x",
  "not a url",
  "//evil.example",
];

const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "**x** _y_ [z](javascript:1)",
    "=SUM(A1)",
    "| a | b |",
    "# h",
    "1. x",
    "\u0000\u0007\uFFFE",
    "Ärger über Öl",
    "Олена",
    "x".repeat(300),
  ),
);

const markArb = fc.constantFrom({ type: "bold" }, { type: "italic" }, { type: "strike" });
const inlineArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant("text"),
      text: textArb.filter((t) => t.length > 0),
      marks: fc.uniqueArray(markArb, { maxLength: 2, selector: (m) => m.type }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("text"),
      text: textArb.filter((t) => t.length > 0),
      marks: fc.constantFrom(...HREFS).map((href) => [{ type: "link", attrs: { href } }]),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) },
);
const paragraphArb = fc.record({ type: fc.constant("paragraph"), content: fc.array(inlineArb, { maxLength: 5 }) });
const headingArb = fc.record({
  type: fc.constant("heading"),
  attrs: fc.record({ level: fc.constantFrom(2, 3, 4) }),
  content: fc.array(inlineArb, { maxLength: 3 }),
});

const { block } = fc.letrec<{ block: unknown; listItem: unknown; cell: unknown }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    paragraphArb,
    headingArb,
    fc.record({
      type: fc.constantFrom("bulletList", "orderedList"),
      attrs: fc.record({ start: fc.integer({ min: 1, max: 99 }) }),
      content: fc.array(tie("listItem"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant("blockquote"), content: fc.array(tie("block"), { minLength: 1, maxLength: 2 }) }),
    fc.integer({ min: 1, max: 4 }).chain((columns) =>
      fc.record({
        type: fc.constant("table"),
        content: fc.array(
          fc.record({
            type: fc.constant("tableRow"),
            content: fc.array(tie("cell"), { minLength: columns, maxLength: columns }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    ),
  ),
  listItem: fc.record({
    type: fc.constant("listItem"),
    content: fc.tuple(paragraphArb, fc.array(tie("block"), { maxLength: 1 })).map(([p, rest]) => [p, ...rest]),
  }),
  cell: fc.record({
    type: fc.constantFrom("tableCell", "tableHeader"),
    attrs: fc.record({ colspan: fc.constantFrom(1, 1, 2) }),
    content: fc.array(paragraphArb, { minLength: 1, maxLength: 2 }),
  }),
}));

const docArb: fc.Arbitrary<TiptapDoc> = fc.array(block, { maxLength: 6 }).map((content) => ({ type: "doc", content }));

const exportArb: fc.Arbitrary<ExportDocument> = fc.record({
  title: textArb,
  versionLabel: textArb,
  generatedAt: fc.oneof(fc.constant("2022-06-01T09:30:00+02:00"), fc.string({ maxLength: 10 })),
  leadOrganisation: textArb,
  mandate: fc.record({
    reference: textArb,
    decisionDate: fc.constant("2021-12-16"),
    deadline: fc.string({ maxLength: 12 }),
    text: textArb,
    items: fc.array(textArb, { maxLength: 3 }),
  }),
  sections: fc.array(fc.record({ number: fc.nat(99), title: textArb, owner: textArb, content: docArb }), {
    maxLength: 3,
  }),
  signoffs: fc.option(
    fc.array(
      fc.record({
        organisation: textArb,
        status: fc.constantFrom("zugestimmt", "zugestimmt_mit_anmerkungen", "abgelehnt", "ausstehend" as const),
        remarks: textArb,
      }),
      { maxLength: 3 },
    ),
    { nil: undefined },
  ),
  synopse: fc.option(
    fc.array(
      fc.record({
        section: textArb,
        organisation: textArb,
        author: textArb,
        kind: fc.constantFrom("Kommentar", "Änderungsvorschlag" as const),
        text: textArb,
        decision: textArb,
        reason: textArb,
        result: textArb,
      }),
      { maxLength: 3 },
    ),
    { nil: undefined },
  ),
});

describe("renderers on random schema-valid documents", () => {
  it("Markdown never throws and never links to a disallowed scheme", () => {
    fc.assert(
      fc.property(exportArb, (doc) => {
        const md = renderMarkdown(doc);
        expect(md).not.toMatch(/(^|[^\\])\]\((?!https?:|mailto:)/); // an unescaped "](" starts a link
        expect(md).not.toMatch(/(^|[^\\])<(?!br>)/); // every < in text is escaped
        renderSynopseCsv(doc.synopse ?? []);
      }),
      { numRuns: 300 },
    );
  });

  it("PDF never throws", async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (doc) => {
        const pdf = await renderPdf(doc);
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        const raw = pdf.toString("latin1");
        // Text may say "javascript:"; no action may run it or link to it.
        expect(/\/URI\s*\((?!https?:|mailto:)/.test(raw), "a URI action to a disallowed scheme").toBe(false);
        expect(/\/S\s*\/JavaScript|\/JS\s*[(<]|\/OpenAction|\/AA\s*<</.test(raw), "a script action").toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it("DOCX never throws and stays well-formed", async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (doc) => {
        const zip = await JSZip.loadAsync(await renderDocx(doc));
        const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
        expect(xmlProblems(xml)).toEqual([]);
        const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
        for (const [, target] of rels.matchAll(/Target="([^"]+)" TargetMode="External"/g))
          expect(target).toMatch(/^(https?|mailto):/);
      }),
      { numRuns: 10 },
    );
  });
});
