import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeBlocks } from "./merge-blocks";

const id = (s: string) => s;
const merge = (base: string[], mine: string[], theirs: string[]) => mergeBlocks(base, mine, theirs, id);

describe("three-way merge of blocks", () => {
  it("combines edits to different paragraphs", () => {
    expect(merge(["a", "b", "c"], ["a*", "b", "c"], ["a", "b", "c", "d"])).toEqual({ merged: ["a*", "b", "c", "d"], conflicts: 0 });
    expect(merge(["a", "b", "c", "d"], ["a", "c", "d"], ["a", "b", "c", "d*"])).toEqual({ merged: ["a", "c", "d*"], conflicts: 0 });
  });

  it("treats changes to directly neighbouring paragraphs as overlapping (conservative, like diff3)", () => {
    expect(merge(["a", "b", "c"], ["a", "c"], ["a", "b", "c*"]).conflicts).toBe(1);
  });

  it("takes an identical change once", () => {
    expect(merge(["a", "b"], ["a", "x"], ["a", "x"])).toEqual({ merged: ["a", "x"], conflicts: 0 });
  });

  it("reports a paragraph both changed differently, and keeps mine there", () => {
    expect(merge(["a", "b", "c"], ["a", "b-mine", "c"], ["a", "b-theirs", "c"])).toEqual({ merged: ["a", "b-mine", "c"], conflicts: 1 });
    expect(merge([], ["m"], ["t"])).toEqual({ merged: ["m"], conflicts: 1 });
  });

  it("is the other side whenever one side did not change anything (property)", () => {
    const blocks = fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 8 });
    fc.assert(
      fc.property(blocks, blocks, (base, other) => {
        expect(merge(base, base, other)).toEqual({ merged: other, conflicts: 0 });
        expect(merge(base, other, base)).toEqual({ merged: other, conflicts: 0 });
        expect(merge(base, other, other)).toEqual({ merged: other, conflicts: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it("never loses a block of mine that the other side left alone (property)", () => {
    const blocks = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }).map((xs) => xs.map(String));
    fc.assert(
      fc.property(blocks, blocks, blocks, (base, mine, theirs) => {
        const { merged } = merge(base, mine, theirs);
        for (const block of mine) if (!base.includes(block)) expect(merged).toContain(block);
      }),
      { numRuns: 500 },
    );
  });
});
