import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";
import { isMessageKeyIn } from "@/i18n/message";
import de from "./de.json";
import en from "./en.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("messages", () => {
  it("German and English have exactly the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });
  it("no message is empty", () => {
    for (const messages of [de, en]) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });
});

describe("messages as the app's build compiles them (next-intl precompile)", () => {
  /** What next-intl's catalogue loader makes of a file: every sentence compiled by icu-minify. */
  const compiled = (node: unknown): unknown =>
    typeof node === "string"
      ? compile(node)
      : Object.fromEntries(Object.entries(node as object).map(([k, v]) => [k, compiled(v)]));
  const catalogues = [compiled(de), compiled(en)] as object[];

  it("every key still names a sentence, placeholders or not; a namespace does not", () => {
    expect(isMessageKeyIn(catalogues, "appError.user.passwordTooShort")).toBe(true);
    expect(
      Array.isArray(
        (catalogues[0] as { appError: { user: { passwordTooShort: unknown } } }).appError.user.passwordTooShort,
      ),
    ).toBe(true);
    for (const key of keys(de).filter((k) => k.startsWith("appError.")))
      expect(isMessageKeyIn(catalogues, key), key).toBe(true);
    expect(isMessageKeyIn(catalogues, "appError.user")).toBe(false);
    expect(isMessageKeyIn(catalogues, "Das Passwort muss mindestens 12 Zeichen lang sein.")).toBe(false);
  });
});
