import { describe, expect, it } from "vitest";
import { collapseUnchanged } from "./collapse-unchanged";

const words = (n: number, prefix = "w") => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(" ");

describe("collapseUnchanged", () => {
  it("keeps short diffs as they are", () => {
    const parts = [
      { kind: "same" as const, text: "kurz " },
      { kind: "ins" as const, text: "neu" },
    ];
    expect(collapseUnchanged(parts)).toEqual(parts);
  });

  it("keeps context around changes and says how much it left out", () => {
    const long = `${words(300)} `;
    const result = collapseUnchanged(
      [
        { kind: "same", text: long },
        { kind: "del", text: "alt" },
        { kind: "same", text: ` ${words(300, "x")}` },
      ],
      100,
    );
    expect(result.map((p) => p.kind)).toEqual(["skip", "same", "del", "same", "skip"]);
    const [skipStart, keptBefore, , keptAfter, skipEnd] = result as [
      { chars: number },
      { text: string },
      unknown,
      { text: string },
      { chars: number },
    ];
    expect(keptBefore.text.length).toBeGreaterThanOrEqual(100);
    expect(keptBefore.text.length).toBeLessThan(120);
    expect(skipStart.chars + keptBefore.text.length).toBe(long.length);
    expect(keptAfter.text.length + skipEnd.chars).toBe(` ${words(300, "x")}`.length);
  });

  it("cuts a long unchanged middle, keeping both ends", () => {
    const middle = ` ${words(400)} `;
    const result = collapseUnchanged(
      [
        { kind: "ins", text: "a" },
        { kind: "same", text: middle },
        { kind: "del", text: "b" },
      ],
      100,
    );
    expect(result.map((p) => p.kind)).toEqual(["ins", "same", "skip", "same", "del"]);
  });
});
