import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Cookie-authenticated JSON endpoints accept writes only from our own pages: a browser always sends
 * Origin (and Sec-Fetch-Site) with fetch POSTs, so a request from another site is refused. Clients that
 * send neither cannot carry the user's cookies anyway.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", "Anfrage von einer fremden Seite abgelehnt.");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "Anfrage von einer fremden Seite abgelehnt.");
  }
  if (!host || originHost !== host) throw new AppError("FORBIDDEN", "Anfrage von einer fremden Seite abgelehnt.");
}

/** Reads a JSON body of at most `maxBytes`; larger or unparsable bodies are a German VALIDATION error. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("VALIDATION", "Der Abschnitt ist zu groß (höchstens 512 KB). Bitte teilen Sie ihn auf.");
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "Die Anfrage ist beschädigt und wurde nicht verarbeitet.");
  }
}
