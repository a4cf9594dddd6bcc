import { describe, expect, it } from "vitest";
import { demoteHeadings } from "./demote-headings";

describe("demoteHeadings", () => {
  it("moves every heading one level down, once, and leaves escaped text alone", () => {
    expect(demoteHeadings("<h2>A</h2><p>&lt;h2&gt;</p><h3>B</h3><h4>C</h4>")).toBe(
      "<h3>A</h3><p>&lt;h2&gt;</p><h4>B</h4><h5>C</h5>",
    );
  });
});
