import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findNulCharacter, findUnstorableInput, MAX_INPUT_DEPTH, parseOrThrow } from "./parse";

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

describe("assertStorableInput", () => {
  it("refuses lone surrogates (strings and keys) but keeps emoji", () => {
    expect(findUnstorableInput({ a: ["ok", { b: "x\udc00" }] })).toEqual({ path: ["a", "1", "b"], kind: "surrogate" });
    expect(findUnstorableInput({ ["k\ud800"]: 1 })).toEqual({ path: ["k\ud800"], kind: "surrogate" });
    expect(findUnstorableInput({ text: "Gut 👍 ß" })).toBeNull();
    expect(() => parseOrThrow(z.object({ body: z.string() }), { body: "\ud83d" })).toThrow(
      expect.objectContaining({ code: "VALIDATION", fieldErrors: { body: expect.stringMatching(/Unicode-Zeichen/) } }),
    );
  });
  it("refuses nesting deeper than MAX_INPUT_DEPTH without running out of stack", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableInput({ content: deep })).toEqual({ path: ["content"], kind: "depth" });
    expect(() => parseOrThrow(z.unknown(), deep)).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: expect.stringMatching(/verschachtelt/) }),
    );
    let fine: unknown = "x";
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = { a: fine };
    expect(findUnstorableInput(fine)).toBeNull();
  });
});
