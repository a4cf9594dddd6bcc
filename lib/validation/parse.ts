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

/** Deeper than anything the app sends (section content nests lists and tables well below this). */
export const MAX_INPUT_DEPTH = 200;

type Unstorable = { path: string[]; kind: "nul" | "surrogate" | "depth" };

/**
 * The first thing in the input that PostgreSQL cannot store or the code cannot walk: a NUL (text and jsonb refuse
 * it), a lone UTF-16 surrogate (jsonb refuses its escape, text would silently turn it into U+FFFD) — in strings and
 * keys at any depth — or nesting deeper than MAX_INPUT_DEPTH. Iterative, so a hostile depth cannot overflow the stack.
 */
export function findUnstorableInput(value: unknown): Unstorable | null {
  const seen = new Set<object>();
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: item, path } = stack.pop()!;
    if (typeof item === "string") {
      const kind = stringProblem(item);
      if (kind) return { path, kind };
      continue;
    }
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { path: path.slice(0, 1), kind: "depth" };
    seen.add(item);
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const kind = stringProblem(key);
      if (kind) return { path: [...path, key], kind };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

function stringProblem(text: string): Unstorable["kind"] | null {
  if (text.includes("\u0000")) return "nul";
  if (!text.isWellFormed()) return "surrogate";
  return null;
}

/** The path of the first string containing NUL; null when none. */
export function findNulCharacter(value: unknown): string[] | null {
  const found = findUnstorableInput(value);
  return found?.kind === "nul" ? found.path : null;
}

const UNSTORABLE_KEYS = {
  nul: "appError.common.nulCharacter",
  surrogate: "appError.common.loneSurrogate",
  depth: "appError.common.tooDeep",
} as const;

/** Refuses input PostgreSQL cannot store or the code cannot walk, with a VALIDATION error on its field. */
export function assertStorableInput(input: unknown): void {
  const found = findUnstorableInput(input);
  if (!found) return;
  const key = UNSTORABLE_KEYS[found.kind];
  throw new AppError("VALIDATION", key, {}, { [found.path.join(".") || "_form"]: key });
}

/**
 * The one place input is parsed: services call it on the unknown input they are given (actions only map form
 * data to a plain object). Bad input is a VALIDATION error with a message per field; nothing is written.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertStorableInput(input);
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
