/** Postgres error codes, as raised by postgres.js and PGlite (possibly wrapped by drizzle in `cause`). */
function pgCode(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === "23505";
}

/**
 * Socket errors of Node: the database server is not reachable — when they come from a socket the server
 * opened (libuv sets `syscall`). Node raises the same ECONNRESET, without `syscall`, as "aborted" when a
 * *browser* goes away while its request body is read; that is not an outage.
 */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** The connection states of postgres.js and PostgreSQL's own codes: the database server is not reachable. */
const UNREACHABLE_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down).
  "57P01",
  "57P02",
  "57P03",
]);

/**
 * True when a failure means "the database is (for the moment) not there" rather than a bug: the request
 * should answer 503 and the next one will reconnect. Walks drizzle's `cause` chain and AggregateErrors
 * (a refused connection to several addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.code === "string" && SOCKET_CODES.has(e.code) && typeof e.syscall === "string") return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * The browser went away while its request body was being read (Node: ECONNRESET "aborted", no `syscall`).
 * Nothing was stored — the body never arrived — and nobody is there to read an answer: not worth an error log.
 */
export function isClientAbort(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; syscall?: unknown; cause?: unknown };
  if (e.code === "ECONNRESET" && e.syscall === undefined) return true;
  return isClientAbort(e.cause, depth + 1);
}

/** For the server log: the innermost cause with its code (drizzle's own message only repeats the SQL). */
export function describeDatabaseError(error: unknown): string {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e?.cause && typeof e.cause === "object" && depth < 5; depth++) e = e.cause as typeof e;
  const code = typeof e?.code === "string" ? `${e.code}: ` : "";
  return `${code}${typeof e?.message === "string" ? e.message : String(error)}`;
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Konzeptwerk ist gerade vorübergehend nicht erreichbar, weil die Datenbank nicht antwortet. Bitte versuchen Sie es in einigen Augenblicken erneut.";
