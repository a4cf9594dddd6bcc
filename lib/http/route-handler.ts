import "server-only";
import { NextResponse } from "next/server";
import { describeDatabaseError, isClientAbort, isDatabaseUnavailable } from "@/lib/db-errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { AppError } from "@/lib/errors";
import { isStackOverflow } from "./action-result";
import { requestTranslator } from "./request-translator";

/**
 * Wraps a route handler: typed errors become their HTTP status with a message in the reader's language; nothing
 * is a bare 500. A database that is down or restarting answers 503 with Retry-After; the next request reconnects.
 */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const { text, locale } = await requestTranslator();
      if (error instanceof AppError) {
        return NextResponse.json({ ok: false, code: error.code, ...error.translate(locale) }, { status: error.status });
      }
      if (isDatabaseUnavailable(error)) {
        noteDatabaseOutage();
        console.error(`Datenbank nicht erreichbar: ${describeDatabaseError(error)}`);
        return NextResponse.json(
          { ok: false, code: "UNAVAILABLE", message: text({ key: "appError.common.databaseUnavailable" }) },
          { status: 503, headers: { "Retry-After": "5" } },
        );
      }
      if (isStackOverflow(error)) {
        console.error("Eingabe zu tief verschachtelt (Stapelüberlauf) in einer Schnittstelle");
        return NextResponse.json(
          { ok: false, code: "VALIDATION", message: text({ key: "appError.common.tooDeep" }) },
          { status: 422 },
        );
      }
      if (isClientAbort(error)) {
        return NextResponse.json(
          { ok: false, code: "ABORTED", message: text({ key: "appError.common.aborted" }) },
          { status: 400 },
        );
      }
      console.error("Unerwarteter Fehler in einer Schnittstelle", error);
      return NextResponse.json(
        { ok: false, code: "INTERNAL", message: text({ key: "appError.common.unexpected" }) },
        { status: 500 },
      );
    }
  };
}
