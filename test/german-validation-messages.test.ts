import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrThrow } from "@/lib/validation/parse";
import { AppError } from "@/lib/errors";

/**
 * Finding 8 of issue 16: a tampered hidden field (a form's conceptId, kind, role …) answered with zod's English
 * default ("Invalid UUID", "Invalid input: expected string, received undefined"). Every schema's messages are German.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const ENGLISH = /\b(Invalid|invalid|expected|received|Too (small|big)|Unrecognized|Required|must be|characters)\b/;

/** Values a hand-edited form or a script could send in place of any field. */
const TAMPERED: unknown[] = ["x", "", " ", "00000000-0000-0000-0000-00000000000g", 7, true, null, ["a", "b"], { a: 1 }];

function schemaFiles(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(path.join(ROOT, "lib"), { recursive: true }) as string[]) {
    const file = f.split(path.sep).join("/");
    if (/(^|\/)[\w-]*schemas?\.ts$/.test(file) && !file.endsWith(".test.ts")) out.push(`lib/${file}`);
  }
  return out.concat(["lib/validation/fields.ts", "app/api/concepts/[conceptId]/sections/[sectionId]/schemas.ts"]);
}

/** A valid-looking object for a schema's keys, so each tampered key is judged on its own. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown>; options?: z.ZodType[] } } })._zod
    .def;
  if (def.shape) return Object.keys(def.shape);
  if (def.options) return [...new Set(def.options.flatMap(keysOf))];
  return [];
}

function englishMessages(schema: z.ZodType, input: unknown): string[] {
  try {
    parseOrThrow(schema, input);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return [error.message, ...Object.values(error.fieldErrors)].filter((m) => ENGLISH.test(m));
  }
}

describe("validation messages", () => {
  it("are German for every tampered field of every schema", async () => {
    const english = new Set<string>();
    let schemas = 0;
    for (const file of schemaFiles()) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!(schema instanceof z.ZodType)) continue;
        schemas++;
        const keys = keysOf(schema);
        for (const value of TAMPERED) {
          for (const m of englishMessages(schema, value))
            english.add(`${file}#${name} ← ${JSON.stringify(value)}: ${m}`);
          for (const key of keys)
            for (const m of englishMessages(schema, { [key]: value }))
              english.add(`${file}#${name}.${key} ← ${JSON.stringify(value)}: ${m}`);
        }
      }
    }
    expect(schemas).toBeGreaterThan(25);
    expect([...english].slice(0, 40)).toEqual([]);
  });

  it("are German for zod's own checks that no schema names a message for", () => {
    const cases: [z.ZodType, unknown][] = [
      [z.object({ conceptId: z.uuid() }), { conceptId: "x" }],
      [z.object({ kind: z.enum(["user", "organisation"]) }), { kind: "admin" }],
      [z.object({ n: z.coerce.number().int().positive() }), { n: "-1.5" }],
      [z.strictObject({ a: z.string() }), { a: "x", evil: "1" }],
      [z.object({ when: z.iso.date() }), { when: "gestern" }],
      [z.object({ text: z.string().max(3) }), { text: "abcdef" }],
    ];
    for (const [schema, input] of cases) {
      expect(englishMessages(schema, input)).toEqual([]);
      expect(() => parseOrThrow(schema, input)).toThrow(AppError);
    }
  });
});
