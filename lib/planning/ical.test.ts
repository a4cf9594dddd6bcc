import { describe, expect, it } from "vitest";
import { escapeIcalText, foldLine, renderIcal } from "./ical";

describe("iCal", () => {
  it("escapes text and folds long lines by octets", () => {
    expect(escapeIcalText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"ä".repeat(60)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"ä".repeat(60)}`);
  });
  it("writes all-day events", () => {
    const ics = renderIcal(
      "Fristen",
      [{ uid: "x@konzeptwerk", date: "2022-05-17", summary: "Vorlagenfrist IR" }],
      new Date("2022-03-15T10:00:00Z"),
    );
    expect(ics).toContain("DTSTART;VALUE=DATE:20220517\r\nDTEND;VALUE=DATE:20220518");
    expect(ics).toContain("DTSTAMP:20220315T100000Z");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
