import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findNulCharacter, parseOrThrow } from "./parse";

describe("parseOrThrow", () => {
  it("refuses a NUL anywhere in the input with a German VALIDATION error on its field", () => {
    expect(findNulCharacter({ a: ["x", { b: "ok\u0000" }] })).toEqual(["a", "1", "b"]);
    expect(findNulCharacter({ a: "ok", b: [1, null] })).toBeNull();
    expect(() => parseOrThrow(z.object({ reason: z.string() }), { reason: "a\u0000b" })).toThrow(
      expect.objectContaining({ code: "VALIDATION", fieldErrors: { reason: expect.stringMatching(/Steuerzeichen/) } }),
    );
    expect(parseOrThrow(z.object({ reason: z.string() }), { reason: "a\tb\u0007" })).toEqual({ reason: "a\tb\u0007" });
  });

  it("answers input that makes zod itself throw with a German VALIDATION error", () => {
    // Found by the fuzz test: zod 4.6 compares `length` with the minimum and throws on a prototype-less object.
    const odd = { length: Object.create(null) as object };
    expect(() => z.string().min(1).safeParse(odd)).toThrow(TypeError);
    expect(() => parseOrThrow(z.string().trim().min(1, "Bitte schreiben Sie einen Kommentar."), odd)).toThrow(
      expect.objectContaining({ code: "VALIDATION", fieldErrors: { _form: expect.stringMatching(/erwartete Form/) } }),
    );
  });
});
