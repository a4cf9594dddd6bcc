import { describe, expect, it } from "vitest";
import { berlinDateTime, germanDate, oparlDateTime, withoutEmpty } from "./oparl-format";

describe("oparlDateTime", () => {
  it("writes Berlin summer time with +02:00 and winter time with +01:00", () => {
    expect(oparlDateTime(new Date("2022-06-01T07:30:00.456Z"))).toBe("2022-06-01T09:30:00+02:00");
    expect(oparlDateTime(new Date("2021-12-16T23:15:00Z"))).toBe("2021-12-17T00:15:00+01:00");
  });

  it("stays on the right side of the switch to and from summer time", () => {
    expect(oparlDateTime(new Date("2022-03-27T00:59:59Z"))).toBe("2022-03-27T01:59:59+01:00");
    expect(oparlDateTime(new Date("2022-03-27T01:00:00Z"))).toBe("2022-03-27T03:00:00+02:00");
    expect(oparlDateTime(new Date("2022-10-30T00:59:59Z"))).toBe("2022-10-30T02:59:59+02:00");
    expect(oparlDateTime(new Date("2022-10-30T01:00:00Z"))).toBe("2022-10-30T02:00:00+01:00");
  });

  it("names the same instant as the input", () => {
    for (const iso of ["2020-02-29T12:00:00Z", "2030-07-04T22:59:00Z", "1999-12-31T23:00:00Z"]) {
      expect(new Date(oparlDateTime(new Date(iso))).toISOString()).toBe(new Date(iso).toISOString());
    }
  });
});

describe("berlinDateTime", () => {
  it("gives a meeting's wall-clock time with the offset valid on that day", () => {
    expect(berlinDateTime("2022-06-23", "14:30")).toBe("2022-06-23T14:30:00+02:00");
    expect(berlinDateTime("2022-01-12", "09:05")).toBe("2022-01-12T09:05:00+01:00");
    expect(berlinDateTime("2022-10-30", "18:00")).toBe("2022-10-30T18:00:00+01:00");
  });
});

describe("withoutEmpty and germanDate", () => {
  it("drops null and undefined but keeps false, 0 and empty arrays", () => {
    expect(withoutEmpty({ a: null, b: undefined, c: false, d: 0, e: [] })).toEqual({ c: false, d: 0, e: [] });
  });
  it("formats a date the German way", () => {
    expect(germanDate("2022-06-23")).toBe("23.06.2022");
  });
});
