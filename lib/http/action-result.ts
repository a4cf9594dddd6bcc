import "server-only";
import { describeDatabaseError, isDatabaseUnavailable } from "@/lib/db-errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { AppError } from "@/lib/errors";
import { requestTranslator } from "./request-translator";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; message: string; fieldErrors: Record<string, string> };

/** What an action answers for a thrown error; Next's redirect() and notFound() pass through. */
export async function failureOf(
  error: unknown,
): Promise<{ code: string; message: string; fieldErrors: Record<string, string> }> {
  if (isNextControlFlow(error)) throw error;
  const { text, locale } = await requestTranslator();
  if (error instanceof AppError) return { code: error.code, ...error.translate(locale) };
  if (isStackOverflow(error)) {
    console.error("Eingabe zu tief verschachtelt (Stapelüberlauf) in einer Aktion");
    return { code: "VALIDATION", message: text({ key: "appError.common.tooDeep" }), fieldErrors: {} };
  }
  if (isDatabaseUnavailable(error)) {
    noteDatabaseOutage();
    console.error(`Datenbank nicht erreichbar: ${describeDatabaseError(error)}`);
    return { code: "UNAVAILABLE", message: text({ key: "appError.common.databaseUnavailable" }), fieldErrors: {} };
  }
  console.error("Unerwarteter Fehler in einer Aktion", error);
  return { code: "INTERNAL", message: text({ key: "appError.common.unexpectedInAction" }), fieldErrors: {} };
}

/** redirect() and notFound() throw special errors that must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

/**
 * The last line against hostile nesting: input checks refuse depth first (assertStorableInput, validateContent),
 * but a stack overflow anywhere while handling a request is bad input, not a server fault.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}
