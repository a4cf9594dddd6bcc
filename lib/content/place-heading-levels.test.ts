import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeHeadingLevels, placeHtmlHeadings } from "./place-heading-levels";

describe("placeHeadingLevels", () => {
  it("starts one below the parent and never skips a level", () => {
    expect(placeHeadingLevels([2, 3, 4, 3, 2], 2)).toEqual([3, 4, 5, 4, 3]);
    expect(placeHeadingLevels([3, 4, 2, 4], 1)).toEqual([2, 3, 2, 3]);
    expect(placeHeadingLevels([4, 4, 2], 2)).toEqual([3, 3, 3]);
    expect(placeHeadingLevels([2, 4, 3], 1)).toEqual([2, 3, 3]);
  });

  it("caps at level 6", () => {
    expect(placeHeadingLevels([2, 3, 4], 4)).toEqual([5, 6, 6]);
  });

  it("for any stored levels: first is parent+1, no step down of more than one, order kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        (stored, parent) => {
          const placed = placeHeadingLevels(stored, parent);
          expect(placed).toHaveLength(stored.length);
          placed.forEach((level, i) => {
            const previous = i === 0 ? parent : placed[i - 1]!;
            expect(level).toBeGreaterThan(parent);
            expect(level).toBeLessThanOrEqual(Math.min(previous + 1, 6));
            // A heading deeper in the stored content is never placed above one it was nested under.
            if (i > 0 && stored[i]! > stored[i - 1]!) expect(level).toBe(Math.min(placed[i - 1]! + 1, 6));
          });
        },
      ),
    );
  });
});

describe("placeHtmlHeadings", () => {
  it("rewrites opening and closing tags and leaves escaped text alone", () => {
    expect(placeHtmlHeadings("<h3>A</h3><p>&lt;h2&gt;</p><h4>B</h4><h2>C</h2>", 1)).toBe(
      "<h2>A</h2><p>&lt;h2&gt;</p><h3>B</h3><h2>C</h2>",
    );
    expect(placeHtmlHeadings("<h2>A</h2><h3>B</h3><h4>C</h4>", 2)).toBe("<h3>A</h3><h4>B</h4><h5>C</h5>");
  });
});
