import "server-only";
import { NextResponse } from "next/server";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  describeDatabaseError,
  isClientAbort,
  isDatabaseUnavailable,
} from "@/lib/db-errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { AppError } from "@/lib/errors";
import { isStackOverflow, TOO_DEEP_MESSAGE } from "./action-result";

/**
 * Wraps a route handler: typed errors become their HTTP status with a German message; nothing is a bare 500.
 * A database that is down or restarting answers 503 with Retry-After; the next request reconnects.
 */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) {
        return NextResponse.json(
          { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors },
          { status: error.status },
        );
      }
      if (isDatabaseUnavailable(error)) {
        noteDatabaseOutage();
        console.error(`Datenbank nicht erreichbar: ${describeDatabaseError(error)}`);
        return NextResponse.json(
          { ok: false, code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE },
          { status: 503, headers: { "Retry-After": "5" } },
        );
      }
      if (isStackOverflow(error)) {
        console.error("Eingabe zu tief verschachtelt (Stapelüberlauf) in einer Schnittstelle");
        return NextResponse.json({ ok: false, code: "VALIDATION", message: TOO_DEEP_MESSAGE }, { status: 422 });
      }
      if (isClientAbort(error)) {
        return NextResponse.json(
          {
            ok: false,
            code: "ABORTED",
            message: "Die Anfrage wurde abgebrochen, bevor sie vollständig ankam; es wurde nichts gespeichert.",
          },
          { status: 400 },
        );
      }
      console.error("Unerwarteter Fehler in einer Schnittstelle", error);
      return NextResponse.json(
        {
          ok: false,
          code: "INTERNAL",
          message: "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.",
        },
        { status: 500 },
      );
    }
  };
}
