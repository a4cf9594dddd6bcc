import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorFromQuote, createAnchor, resolveAnchor } from "./anchoring";

const TEXT = "Die Welcome Points sind Anlaufstellen. Die Welcome Points fördern Begegnung im Stadtteil.";

describe("text anchors", () => {
  it("creates quote and position selectors", () => {
    const start = TEXT.indexOf("fördern");
    const a = createAnchor(TEXT, start, start + 7);
    expect(a.quote.exact).toBe("fördern");
    expect(a.quote.prefix.endsWith("Welcome Points ")).toBe(true);
    expect(a.position).toEqual({ type: "TextPositionSelector", start, end: start + 7 });
  });

  it("refuses anchors outside the text", () => {
    expect(() => createAnchor(TEXT, -1, 3)).toThrow(RangeError);
    expect(() => createAnchor(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });

  it("uses the context to choose between repeated quotes", () => {
    const second = TEXT.lastIndexOf("Welcome Points");
    const a = anchorFromQuote(TEXT, "Welcome Points", "Anlaufstellen. Die ", " fördern");
    expect(a?.position.start).toBe(second);
  });

  it("tolerates whitespace differences between browser and stored text", () => {
    const a = anchorFromQuote("Erste Zeile\n\nZweite Zeile", "Zeile Zweite");
    expect(a?.quote.exact).toBe("Zeile\n\nZweite");
  });

  it("follows the quote when text is inserted before it, and reports a change when it is gone", () => {
    const start = TEXT.indexOf("Begegnung");
    const anchor = createAnchor(TEXT, start, start + "Begegnung".length);
    const edited = `Neu: ${TEXT}`;
    expect(resolveAnchor(edited, anchor)).toEqual({ status: "anchored", start: start + 5, end: start + 5 + 9 });
    expect(resolveAnchor(TEXT.replace("Begegnung", "Austausch"), anchor)).toEqual({ status: "changed" });
  });

  it("property: random edits never lose a comment — anchored on the same words, or marked changed", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 5, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.string({ maxLength: 20 }) }), {
          maxLength: 6,
        }),
        (text, a, b, edits) => {
          const start = a % (text.length - 1);
          const end = start + 1 + (b % Math.min(40, text.length - start));
          const anchor = createAnchor(text, start, end);
          let edited = text;
          for (const e of edits) {
            const at = e.at % (edited.length + 1);
            edited = edited.slice(0, at) + e.ins + edited.slice(at + e.del);
          }
          const r = resolveAnchor(edited, anchor);
          if (r.status === "anchored") {
            const found = edited.slice(r.start, r.end);
            expect(
              found === anchor.quote.exact ||
                found.replace(/\s+/g, " ") === anchor.quote.exact.trim().replace(/\s+/g, " "),
            ).toBe(true);
          } else {
            expect(edited.includes(anchor.quote.exact)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: edits outside the quote keep it anchored at the shifted place", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 50 }),
        fc.string({ maxLength: 50 }),
        fc.string({ maxLength: 30 }),
        (quote, before, after, inserted) => {
          fc.pre(quote.trim().length > 0);
          const text = `${before}${quote}${after}`;
          const anchor = createAnchor(text, before.length, before.length + quote.length);
          const edited = `${inserted}${before}${quote}${after}`;
          const r = resolveAnchor(edited, anchor);
          expect(r.status).toBe("anchored");
          if (r.status === "anchored") expect(edited.slice(r.start, r.end)).toBe(quote);
        },
      ),
      { numRuns: 500 },
    );
  });
});
