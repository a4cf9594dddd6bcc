import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeBlocks } from "./merge-blocks";

const id = (s: string) => s;
const merge = (base: string[], mine: string[], theirs: string[]) => mergeBlocks(base, mine, theirs, id);

describe("three-way merge of blocks", () => {
  it("combines edits to different paragraphs", () => {
    expect(merge(["a", "b", "c"], ["a*", "b", "c"], ["a", "b", "c", "d"])).toEqual({
      merged: ["a*", "b", "c", "d"],
      conflicts: 0,
    });
    expect(merge(["a", "b", "c", "d"], ["a", "c", "d"], ["a", "b", "c", "d*"])).toEqual({
      merged: ["a", "c", "d*"],
      conflicts: 0,
    });
  });

  it("combines changes to directly neighbouring paragraphs, also in a two-paragraph section", () => {
    expect(merge(["a", "b", "c"], ["a", "c"], ["a", "b", "c*"])).toEqual({ merged: ["a", "c*"], conflicts: 0 });
    expect(merge(["p1", "p2"], ["p1*", "p2"], ["p1", "p2*"])).toEqual({ merged: ["p1*", "p2*"], conflicts: 0 });
    expect(merge(["p1", "p2"], ["p1", "neu", "p2"], ["p1", "p2*"])).toEqual({
      merged: ["p1", "neu", "p2*"],
      conflicts: 0,
    });
  });

  it("puts an insertion before a neighbouring replacement of the other side", () => {
    expect(merge(["a", "b"], ["x", "a", "b"], ["a*", "b"])).toEqual({ merged: ["x", "a*", "b"], conflicts: 0 });
    expect(merge(["a", "b"], ["a*", "b"], ["x", "a", "b"])).toEqual({ merged: ["x", "a*", "b"], conflicts: 0 });
  });

  it("takes an identical change once", () => {
    expect(merge(["a", "b"], ["a", "x"], ["a", "x"])).toEqual({ merged: ["a", "x"], conflicts: 0 });
  });

  it("reports a paragraph both changed differently, and keeps mine there", () => {
    expect(merge(["a", "b", "c"], ["a", "b-mine", "c"], ["a", "b-theirs", "c"])).toEqual({
      merged: ["a", "b-mine", "c"],
      conflicts: 1,
    });
    expect(merge([], ["m"], ["t"])).toEqual({ merged: ["m"], conflicts: 1 });
    expect(merge(["a", "b", "c"], ["a", "c"], ["a", "b*", "c"])).toEqual({ merged: ["a", "c"], conflicts: 1 });
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

  it("applies both sides' changes when they touch different blocks (property)", () => {
    // Base of distinct blocks; each side rewrites some of them in place, the two sets kept apart.
    const scenario = fc
      .integer({ min: 1, max: 8 })
      .chain((n) =>
        fc.tuple(fc.constant(n), fc.array(fc.constantFrom("mine", "theirs", "none"), { minLength: n, maxLength: n })),
      );
    fc.assert(
      fc.property(scenario, ([n, owners]) => {
        const base = Array.from({ length: n }, (_, i) => `b${i}`);
        const mine = base.map((b, i) => (owners[i] === "mine" ? `${b}-m` : b));
        const theirs = base.map((b, i) => (owners[i] === "theirs" ? `${b}-t` : b));
        const expected = base.map((b, i) => (owners[i] === "mine" ? `${b}-m` : owners[i] === "theirs" ? `${b}-t` : b));
        expect(merge(base, mine, theirs)).toEqual({ merged: expected, conflicts: 0 });
      }),
      { numRuns: 300 },
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
