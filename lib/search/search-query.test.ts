import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, parseSearchQuery, prefixTsquery, snippetSegments } from "./search-query";

describe("parseSearchQuery", () => {
  it("trims, collapses spaces and reports empty and over-long queries", () => {
    expect(parseSearchQuery("  Familien\t zentren ")).toEqual({ ok: true, q: "Familien zentren" });
    expect(parseSearchQuery("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parseSearchQuery(undefined)).toEqual({ ok: false, reason: "empty" });
    expect(parseSearchQuery(["a", "b"])).toEqual({ ok: true, q: "a" });
    expect(parseSearchQuery("x".repeat(200))).toMatchObject({ ok: true });
    expect(parseSearchQuery("x".repeat(201))).toEqual({ ok: false, reason: "tooLong" });
  });

  it("removes NUL, control characters and the snippet markers", () => {
    expect(parseSearchQuery(`a\u0000b${MARK_START}c\u0007`)).toEqual({ ok: true, q: "a b c" });
  });
});

describe("prefixTsquery", () => {
  it("matches German stems by prefix, and -um words also by their -en plural", () => {
    expect(prefixTsquery("'familienzentr'")).toBe("'familienzentr':*");
    expect(prefixTsquery("'familienzentrum'")).toBe("( 'familienzentrum':* | 'familienzentr':* )");
    expect(prefixTsquery("'anbind' <3> 'familienzentr' & !'kita'")).toBe("'anbind':* <3> 'familienzentr':* & !'kita':*");
    expect(prefixTsquery("'rat' | 'ab'")).toBe("'rat' | 'ab'");
    expect(prefixTsquery("'o''reilly'")).toBe("'o''reilly':*");
    expect(prefixTsquery("")).toBe("");
  });

  it("keeps quotes balanced and adds nothing but prefix marks and groups", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zäöüß'\\]{1,12}$/), { minLength: 1, maxLength: 5 }), (words) => {
        const escaped = words.map((w) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
        const out = prefixTsquery(escaped);
        expect((out.match(/'/g) ?? []).length % 2).toBe(0);
        expect(out.replace(/:\*/g, "").replace(/[()|]/g, "").length).toBeGreaterThanOrEqual(escaped.length - 1);
      }),
    );
  });
});

describe("snippetSegments", () => {
  it("splits on the markers and leaves everything else as text, HTML included", () => {
    expect(snippetSegments(`Die ${MARK_START}Familienzentren${MARK_END} <script>alert(1)</script>`)).toEqual([
      { text: "Die ", mark: false },
      { text: "Familienzentren", mark: true },
      { text: " <script>alert(1)</script>", mark: false },
    ]);
    expect(snippetSegments(`a\uE002b`)).toEqual([{ text: "a<b", mark: false }]);
  });
});
