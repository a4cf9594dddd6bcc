import { describe, expect, it } from "vitest";
import { clampPage, pageNumbers } from "./paging";

describe("clampPage", () => {
  it("turns anything that is not a page into the first page and anything past the end into the last", () => {
    for (const raw of [undefined, null, "", " ", "abc", "0", "-3", "NaN", "-Infinity", 0, -1, Number.NaN])
      expect(clampPage(raw, 120, 50).page, String(raw)).toBe(1);
    for (const raw of ["3", "4", "999999", "1e9", "Infinity", 1e12])
      expect(clampPage(raw, 120, 50).page, String(raw)).toBe(3);
    expect(clampPage("2.7", 120, 50)).toEqual({ page: 2, pageCount: 3, perPage: 50, total: 120, offset: 50 });
  });

  it("gives an empty list one empty page", () => {
    expect(clampPage("5", 0, 50)).toEqual({ page: 1, pageCount: 1, perPage: 50, total: 0, offset: 0 });
  });

  it("counts exact multiples without an empty last page", () => {
    expect(clampPage(9, 100, 50).pageCount).toBe(2);
  });
});

describe("pageNumbers", () => {
  it("shows the first, the last and the neighbourhood of the current page with gaps", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(10, 62)).toEqual([1, null, 8, 9, 10, 11, 12, null, 62]);
    expect(pageNumbers(62, 62)).toEqual([1, null, 60, 61, 62]);
  });
});
