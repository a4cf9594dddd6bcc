import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  headlinePattern,
  MARK_END,
  MARK_START,
  parseSearchQuery,
  prefixTsquery,
  snippetSegments,
} from "./search-query";

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
    expect(prefixTsquery("'anbind' <3> 'familienzentr' & !'kita'")).toBe(
      "'anbind':* <3> 'familienzentr':* & !'kita':*",
    );
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

describe("headlinePattern", () => {
  it("looks for the words that must occur, at a word start, written with umlauts or ß", () => {
    expect(headlinePattern("'familienzentr':*")).toBe("(?i)(?<![[:alnum:]äöüÄÖÜß])(?:f[aäÄ]milienzentr)");
    expect(headlinePattern("'kammerei':* & 'strass':*")).toBe(
      "(?i)(?<![[:alnum:]äöüÄÖÜß])(?:k[aäÄ]mmerei|str[aäÄ](?:ss|ß))",
    );
    expect(headlinePattern("( 'familienzentrum':* | 'familienzentr':* )")).toBe(
      "(?i)(?<![[:alnum:]äöüÄÖÜß])(?:f[aäÄ]milienzentr[uüÜ]m|f[aäÄ]milienzentr)",
    );
  });

  it("leaves out negated words and groups and escapes what is not a letter", () => {
    expect(headlinePattern("'welcom':* & 'point':* & !'benrath':*")).toBe(
      "(?i)(?<![[:alnum:]äöüÄÖÜß])(?:welc[oöÖ]m|p[oöÖ]int)",
    );
    expect(headlinePattern("!( 'anbind':* <3> 'familienzentr':* ) & 'kita':*")).toBe(
      "(?i)(?<![[:alnum:]äöüÄÖÜß])(?:kit[aäÄ])",
    );
    expect(headlinePattern("'example.com/a+b':* | 'o''reilly'")).toBe(
      "(?i)(?<![[:alnum:]äöüÄÖÜß])(?:ex[aäÄ]mple\\.c[oöÖ]m\\/[aäÄ]\\+b|[oöÖ]\\'reilly)",
    );
    expect(headlinePattern("!'benrath':*")).toBeNull();
    expect(headlinePattern("")).toBeNull();
  });

  it("turns any lexeme into a pattern whose only operators are the ones added here", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(..."aosuzAZ09'\\.+*?()[]{}|^$ -/:äöüÄßé😀") }),
          { minLength: 1, maxLength: 4 },
        ),
        (words) => {
          const query = words.map((w) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`).join(" & ");
          const pattern = headlinePattern(query)!;
          const body = pattern.slice("(?i)(?<![[:alnum:]äöüÄÖÜß])(?:".length, -1);
          // What is left after the escapes, letter classes, ß groups and alternatives: letters, digits, non-ASCII.
          const rest = body.replace(/\\[^a-z0-9]|\[[aou][äöü][ÄÖÜ]\]|\(\?:ss\|ß\)|\|/gi, "");
          expect(rest).toMatch(/^[a-z0-9\u0080-\uFFFF]*$/i);
        },
      ),
    );
  });
});
