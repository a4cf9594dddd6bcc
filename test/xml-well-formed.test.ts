import { describe, expect, it } from "vitest";
import { xmlProblems } from "./xml-well-formed";

describe("xmlProblems", () => {
  it("accepts well-formed XML", () => {
    expect(xmlProblems('<?xml version="1.0"?><a x="1"><b/><c>t &amp; &#228;</c><!-- <d> --></a>')).toEqual([]);
  });

  it("finds what a lenient parser would let through", () => {
    expect(xmlProblems("<a><b></a>")).toContain("</a> closes <b>");
    expect(xmlProblems("<a>&</a>")).toContain("bad entity &");
    expect(xmlProblems("<a>\u0001</a>")).toContain("control character");
    expect(xmlProblems("<a>x < y</a>")).toContain("stray < at 5");
    expect(xmlProblems("<a/><b/>")).toContain("2 root elements");
    expect(xmlProblems("<a x=1/>")).not.toEqual([]);
  });
});
