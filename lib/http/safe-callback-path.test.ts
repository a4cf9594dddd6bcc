import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

/** How a browser would resolve the target on our origin: it must stay there. */
function staysOnSite(path: string): boolean {
  return new URL(path, "https://konzepte.stadt.example/anmelden").origin === "https://konzepte.stadt.example";
}

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with query and fragment", () => {
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/konzepte/abc?thread=1#thread-1")).toBe("/konzepte/abc?thread=1#thread-1");
    expect(safeCallbackPath("/profil")).toBe("/profil");
  });

  // The finding: /%5Cevil.example and /%09/evil.example led to http://evil.example/ after sign-in.
  const hostile = [
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\t//evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "https:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "/%2F%2Fevil.example",
    "/./\\evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "",
  ];
  for (const value of hostile) {
    it(`refuses ${JSON.stringify(value)} (decoded) and the URL-decoded form the page receives`, () => {
      const got = safeCallbackPath(value);
      expect(staysOnSite(got)).toBe(true);
      const decoded = safeCallbackPath(decodeURIComponent(value));
      expect(staysOnSite(decoded)).toBe(true);
      if (!value.startsWith("/%")) expect(got).toBe("/");
    });
  }

  it("keeps percent-encoded slashes and backslashes encoded (they stay on this site)", () => {
    expect(safeCallbackPath("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(staysOnSite("/%5Cevil.example")).toBe(true);
  });

  it("refuses non-strings and absurdly long values", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a", "//evil.example"])).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("never yields a target a browser resolves to another origin (property)", () => {
    const piece = fc.constantFrom("/", "\\", "\t", "\n", ".", "..", ":", "evil.example", "%5C", "%2F", "@", "?", "#");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.string(), (pieces, tail) => {
        const result = safeCallbackPath(pieces.join("") + tail);
        expect(result.startsWith("/")).toBe(true);
        expect(staysOnSite(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
