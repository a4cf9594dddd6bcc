import "server-only";
import { AppError } from "@/lib/errors";
import { isSameOriginRequest } from "./same-origin";

/** Cookie-authenticated JSON endpoints accept writes only from our own pages (see isSameOriginRequest). */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) throw new AppError("FORBIDDEN", "appError.common.foreignOrigin");
}

/** Reads a JSON body of at most `maxBytes`; larger or unparsable bodies are a German VALIDATION error. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("VALIDATION", "appError.content.tooLarge");
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "appError.common.malformedRequest");
  }
}
