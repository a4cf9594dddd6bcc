import { z } from "zod";
import { isMessageKey } from "@/i18n/message";
import { AppError, type FieldMessage } from "@/lib/errors";

/**
 * Field messages from zod, keyed by the issue's path, first message per field. Schemas give catalogue keys as
 * messages (a length check's bound is the value {min} or {max}); zod's own English defaults (a field without a
 * message of its own) become one general sentence.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (out[key]) continue;
    if (!isMessageKey(issue.message)) out[key] = "appError.common.invalidValue";
    else if (issue.code === "too_small" || issue.code === "too_big") {
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      out[key] = { key: issue.message, params: { min: bound, max: bound } };
    } else out[key] = issue.message;
  }
  return out;
}

/** The path of the first string containing NUL, which PostgreSQL cannot store in text or jsonb; null when none. */
export function findNulCharacter(value: unknown, path: string[] = [], seen = new Set<object>()): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key];
    const found = findNulCharacter(item, [...path, key], seen);
    if (found) return found;
  }
  return null;
}

/**
 * The one place input is parsed: services call it on the unknown input they are given (actions only map form
 * data to a plain object). Bad input is a VALIDATION error with a message per field; nothing is written.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = findNulCharacter(input);
  if (nul)
    throw new AppError(
      "VALIDATION",
      "appError.common.nulCharacter",
      {},
      {
        [nul.join(".") || "_form"]: "appError.common.nulCharacter",
      },
    );
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(input);
  } catch {
    // zod 4 runs a string's length checks on anything with a `length` and can throw on an odd one (an object
    // without a prototype as `length`): still bad input, answered like any other.
    throw new AppError("VALIDATION", "appError.common.checkFields", {}, { _form: "appError.common.malformedInput" });
  }
  if (!parsed.success) throw new AppError("VALIDATION", "appError.common.checkFields", {}, fieldErrorsOf(parsed.error));
  return parsed.data;
}
