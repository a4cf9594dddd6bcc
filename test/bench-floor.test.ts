import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floorSizer } from "@/scripts/bench/floor";

/** A page like the floor's: a fixed frame, and per row its number's digits twice (HTML and RSC payload). */
const pageSize = (frame: number, perRow: number) => async (rows: number) => {
  let bytes = frame;
  for (let i = 1; i <= rows; i++) bytes += perRow + 2 * String(i).length;
  return bytes;
};

describe("the floor page at an app page's size", () => {
  it("finds the rows whose page is within 2 % of the target, in a few requests", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3_000, max: 12_000 }),
        fc.integer({ min: 150, max: 400 }),
        fc.integer({ min: 15_000, max: 2_000_000 }),
        async (frame, perRow, target) => {
          let asked = 0;
          const size = pageSize(frame, perRow);
          const rowsFor = floorSizer(async (rows) => {
            asked++;
            return size(rows);
          });
          const found = await rowsFor(target);
          expect(found.bytes).toBe(await size(found.rows));
          expect(Math.abs(found.bytes - target) / target).toBeLessThanOrEqual(0.02);
          expect(asked).toBeLessThanOrEqual(8);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("gives the empty table for a page smaller than it, and asks nothing twice", async () => {
    const asked: number[] = [];
    const size = pageSize(5_000, 300);
    const rowsFor = floorSizer(async (rows) => {
      asked.push(rows);
      return size(rows);
    });
    expect(await rowsFor(4_000)).toEqual({ rows: 0, bytes: 5_000 });
    await rowsFor(90_000);
    await rowsFor(90_000);
    expect(new Set(asked).size).toBe(asked.length);
  });
});
