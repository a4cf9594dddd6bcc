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

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = findNulCharacter(input);
  if (nul) throw new AppError("VALIDATION", NUL_MESSAGE, { [nul.join(".") || "_form"]: NUL_MESSAGE });
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

/** redirect() and notFound() throw special errors that must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
