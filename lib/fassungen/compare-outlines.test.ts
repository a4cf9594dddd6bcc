import { describe, expect, it } from "vitest";
import { textOf } from "@/lib/diff/word-diff";
import { compareOutlines, type OutlineEntry } from "./compare-outlines";

const entry = (
  sectionId: string,
  number: number,
  title = sectionId.toUpperCase(),
  text = `Text ${sectionId}.`,
  ownerName = "Amt",
): OutlineEntry => ({
  sectionId,
  number,
  title,
  ownerName,
  revisionNumber: 1,
  text,
});
const outline = (...ids: string[]) => ids.map((id, i) => entry(id, i + 1));

describe("comparing two outlines section by section", () => {
  it("finds nothing between identical outlines", () => {
    const result = compareOutlines(outline("a", "b", "c"), outline("a", "b", "c"));
    expect(result.summary).toEqual({ added: 0, removed: 0, renamed: 0, moved: 0, textChanged: 0, unchanged: 3 });
  });

  it("reports an added section without marking the following ones as moved", () => {
    const result = compareOutlines(outline("a", "b", "c"), outline("a", "x", "b", "c"));
    expect(result.sections.map((s) => `${s.sectionId}:${s.kind}:${s.moved}`)).toEqual([
      "a:kept:false",
      "x:added:false",
      "b:kept:false",
      "c:kept:false",
    ]);
    expect(textOf(result.sections[1]!.parts, "after")).toBe("Text x.");
  });

  it("reports a removed section where it used to be, with its text as deleted", () => {
    const result = compareOutlines(outline("a", "b", "c"), outline("a", "c"));
    expect(result.sections.map((s) => `${s.sectionId}:${s.kind}`)).toEqual(["a:kept", "b:removed", "c:kept"]);
    expect(result.sections[1]!.parts).toEqual([{ kind: "del", text: "Text b." }]);
    expect(result.summary.removed).toBe(1);
  });

  it("reports a move once, at the new place", () => {
    const result = compareOutlines(outline("a", "b", "c", "d"), outline("a", "c", "d", "b"));
    expect(result.sections.map((s) => `${s.sectionId}:${s.moved}`)).toEqual([
      "a:false",
      "c:false",
      "d:false",
      "b:true",
    ]);
    expect(result.summary.moved).toBe(1);
    expect(result.sections.find((s) => s.sectionId === "b")).toMatchObject({
      before: { number: 2 },
      after: { number: 4 },
    });
  });

  it("reports renames, owner changes and text changes with a word diff", () => {
    const before = [entry("a", 1, "Finanzierung", "Die Kosten folgen."), entry("b", 2)];
    const after = [
      entry("a", 1, "Finanzierung und Förderung", "Die Kosten betragen rund hunderttausend Euro.", "Kämmerei"),
      entry("b", 2),
    ];
    const [a] = compareOutlines(before, after).sections;
    expect(a).toMatchObject({ renamed: true, ownerChanged: true, textChanged: true });
    expect(a!.parts.filter((p) => p.kind !== "same").map((p) => `${p.kind}:${p.text}`)).toEqual([
      "del:folgen",
      "ins:betragen rund hunderttausend Euro",
    ]);
  });
});
