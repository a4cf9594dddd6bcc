import "server-only";
import { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db-errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { AppError } from "@/lib/errors";
// Installs German messages for checks a schema does not name a message for (hidden fields, ids).
import "@/lib/validation/german-errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; message: string; fieldErrors: Record<string, string> };

/** Field errors from zod, keyed by the first path segment, first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

const NUL_MESSAGE = "Die Eingabe enthält ein unzulässiges Steuerzeichen (NUL). Bitte entfernen Sie es.";
const SURROGATE_MESSAGE =
  "Die Eingabe enthält ein unvollständiges Unicode-Zeichen (ein einzelnes UTF-16-Surrogat). Bitte entfernen Sie es.";

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

/** Refuses input PostgreSQL cannot store or the code cannot walk, with a German VALIDATION error on its field. */
export function assertStorableInput(input: unknown): void {
  const found = findUnstorableInput(input);
  if (!found) return;
  const message = { nul: NUL_MESSAGE, surrogate: SURROGATE_MESSAGE, depth: TOO_DEEP_MESSAGE }[found.kind];
  throw new AppError("VALIDATION", message, { [found.path.join(".") || "_form"]: message });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertStorableInput(input);
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(input);
  } catch {
    // zod 4 runs a string's length checks on anything with a `length` and can throw on an odd one (an object
    // without a prototype as `length`): still bad input, answered like any other.
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Felder.", {
      _form: "Die Eingabe hat nicht die erwartete Form.",
    });
  }
  if (!parsed.success)
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Felder.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Runs a service call for a form action and turns every failure into a result the form can show. */
export async function runAction<T>(fn: () => Promise<T>, successMessage?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), message: successMessage };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    if (isNextControlFlow(error)) throw error;
    if (isStackOverflow(error)) {
      console.error("Eingabe zu tief verschachtelt (Stapelüberlauf) in einer Aktion");
      return { ok: false, code: "VALIDATION", message: TOO_DEEP_MESSAGE, fieldErrors: {} };
    }
    if (isDatabaseUnavailable(error)) {
      noteDatabaseOutage();
      console.error(`Datenbank nicht erreichbar: ${describeDatabaseError(error)}`);
      return { ok: false, code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: {} };
    }
    console.error("Unerwarteter Fehler in einer Aktion", error);
    return {
      ok: false,
      code: "INTERNAL",
      message: "Ein unerwarteter Fehler ist aufgetreten. Ihre Eingaben sind noch da – bitte versuchen Sie es erneut.",
      fieldErrors: {},
    };
  }
}

export const TOO_DEEP_MESSAGE = "Die Eingabe ist zu tief verschachtelt und wurde nicht verarbeitet.";

/**
 * The last line against hostile nesting: input checks refuse depth first (assertStorableInput, validateContent),
 * but if a recursive walk still runs out of stack, the request was the cause — answered as bad input, not a 500.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}

/** redirect() and notFound() throw special errors that must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
