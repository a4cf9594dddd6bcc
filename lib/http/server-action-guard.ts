import { formatMessage, type AppErrorKey } from "@/i18n/message";
import { isSameOriginRequest } from "./same-origin";

/** Next.js's own limit for a server action's body (serverActions.bodySizeLimit, default 1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 413; code: "FORBIDDEN" | "PAYLOAD_TOO_LARGE"; messageKey: AppErrorKey };

const FOREIGN: ActionRefusal = {
  status: 403,
  code: "FORBIDDEN",
  messageKey: "appError.request.foreignOrigin",
};
const TOO_LARGE: ActionRefusal = {
  status: 413,
  code: "PAYLOAD_TOO_LARGE",
  messageKey: "appError.request.tooLarge",
};

/**
 * A POST that Next.js would treat as a server action: with JavaScript the `Next-Action` header, without it a plain
 * form post (multipart or urlencoded) to a page. Route handlers under /api/ read their own bodies.
 */
export function isServerActionPost(request: Request, pathname: string): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const type = request.headers.get("content-type") ?? "";
  return (
    !pathname.startsWith("/api/") &&
    (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"))
  );
}

/**
 * Next.js refuses a foreign-origin action and an oversized body itself, but as a bare 500 or with its English
 * body-size error; these answers are German 4xx before the action runs. A body without Content-Length (chunked)
 * is measured (the proxy receives a buffered copy of it).
 */
export async function refuseServerActionPost(request: Request, pathname: string): Promise<ActionRefusal | null> {
  if (!isServerActionPost(request, pathname)) return null;
  if (!isSameOriginRequest(request)) return FOREIGN;
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > MAX_ACTION_BODY_BYTES ? TOO_LARGE : null;
  if (!request.body) return null;
  const size = (await request.clone().arrayBuffer()).byteLength;
  return size > MAX_ACTION_BODY_BYTES ? TOO_LARGE : null;
}

/** The refusal in the reader's language (the language cookie; German by default). */
export function refusalMessage(refusal: ActionRefusal, locale: string): string {
  return formatMessage({ key: refusal.messageKey }, locale);
}

/** For a form posted without JavaScript the browser shows the answer itself: a small page, not JSON. */
export function refusalPage(refusal: ActionRefusal, locale: string): string {
  const text = (key: AppErrorKey) => formatMessage({ key }, locale);
  const title = text(refusal.status === 403 ? "appError.request.refusedTitle" : "appError.request.tooLargeTitle");
  const lang = locale === "en" ? "en" : "de";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Konzeptwerk</title></head><body><main><h1>${title}</h1><p>${refusalMessage(refusal, locale)}</p><p>${text("appError.request.nothingStored")} <a href="/">${text("appError.request.toStart")}</a></p></main></body></html>`;
}
