import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "./connect";

/** Rows of a raw SQL query from either driver (postgres.js returns an array, PGlite an object with rows). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** A json column as the driver hands it over: postgres.js (as drizzle sets it up) leaves it text, PGlite parses it. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * Ids as one uuid[] parameter (an array literal): the statement's text is the same for any number of ids, so it is
 * prepared once. Only for ids the server holds (uuids from the database or checked as uuids).
 */
export function uuidList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
