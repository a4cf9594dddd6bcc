import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseListQuery, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { oparlOrigin, oparlUrls } from "./oparl-urls";
import { readEnv } from "@/config/env";

/** OPARL_REQUIRE_AUTH=true: only signed-in users may read the interface. Default: anonymous, like a public RIS. */
export function oparlRequiresAuth(env: Record<string, string | undefined> = process.env): boolean {
  return readEnv(env).OPARL_REQUIRE_AUTH === "true";
}

async function openContext(request: Request): Promise<OparlContext & { anonymous: boolean }> {
  const anonymous = !oparlRequiresAuth();
  if (!anonymous && !(await getActor())) throw new AppError("UNAUTHENTICATED", "appError.common.signInRequired");
  return { db: await getDb(), urls: oparlUrls(oparlOrigin(request.url)), anonymous };
}

/** Public data may be read from any web page (OParl asks for CORS); with sign-in required it stays same-origin. */
function headers(anonymous: boolean): Record<string, string> {
  return anonymous
    ? { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60" }
    : { "Cache-Control": "private, no-store" };
}

type Params<P> = { params: Promise<P> };

/** A 401 names how to authenticate (RFC 9110): with the session cookie from signing in on our own pages. */
function challenging<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const response = await handler(...args);
    if (response.status === 401) response.headers.set("WWW-Authenticate", 'Cookie realm="Konzeptwerk"');
    return response;
  };
}

/** An OParl object: the handler gets the context and the route's params. */
export function oparlObjectRoute<P>(load: (ctx: OparlContext, params: P) => Promise<unknown>) {
  return challenging(
    jsonRoute(async (request: Request, context?: Params<P>) => {
      const ctx = await openContext(request);
      const params = ((await context?.params) ?? {}) as P;
      return NextResponse.json(await load(ctx, params), { headers: headers(ctx.anonymous) });
    }),
  );
}

/** An OParl list page: page, elementsPerPage and the created/modified filters are parsed here. */
export function oparlListRoute(
  load: (ctx: OparlContext, query: ListQuery, params: URLSearchParams) => Promise<unknown> | unknown,
) {
  return challenging(
    jsonRoute(async (request: Request) => {
      const searchParams = new URL(request.url).searchParams;
      const query = parseListQuery(searchParams);
      const ctx = await openContext(request);
      return NextResponse.json(await load(ctx, query, searchParams), { headers: headers(ctx.anonymous) });
    }),
  );
}

/** A file's bytes: inline at the access URL, as an attachment at the download URL (OParl "Dateizugriffe"). */
export function oparlFileRoute(
  disposition: "inline" | "attachment",
  load: (ctx: OparlContext, id: string) => Promise<{ fileName: string; mimeType: string; content: Buffer }>,
) {
  return challenging(
    jsonRoute(async (request: Request, { params }: Params<{ fileId: string }>) => {
      const ctx = await openContext(request);
      const file = await load(ctx, (await params).fileId);
      const ascii = file.fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
      const responseHeaders: Record<string, string> = {
        ...headers(ctx.anonymous),
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.length),
        "X-Content-Type-Options": "nosniff",
      };
      if (disposition === "attachment") {
        responseHeaders["Content-Disposition"] =
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
      }
      return new Response(new Uint8Array(file.content), { headers: responseHeaders });
    }),
  );
}
