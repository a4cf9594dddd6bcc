import "server-only";
import { AppError } from "@/lib/errors";
import { assertStorableInput } from "@/lib/validation/parse";
import { isSameOriginRequest } from "./same-origin";

/** Cookie-authenticated JSON endpoints accept writes only from our own pages (see isSameOriginRequest). */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) throw new AppError("FORBIDDEN", "appError.common.foreignOrigin");
}

/**
 * Reads a JSON body of at most `maxBytes`; larger, unparsable, too deeply nested bodies and those PostgreSQL could
 * not store (NUL, lone surrogates) are a German VALIDATION error.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("VALIDATION", "appError.content.tooLarge");
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "appError.common.malformedRequest");
  }
  assertStorableInput(body);
  return body;
}
