import { getTableColumns } from "drizzle-orm";
import { customType, type PgTable } from "drizzle-orm/pg-core";

/**
 * PostgreSQL's tsvector, for the stored generated search columns (lib/search): PostgreSQL computes them on every
 * write, drizzle leaves generated columns out of inserts and updates, and the concept backup skips them.
 */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A table's columns without its search vector, for reading whole rows: only the search's SQL needs the vector,
 * and for a long section it is kilobytes that no page shows.
 */
export function withoutSearchVector<T extends PgTable>(table: T): Omit<T["_"]["columns"], "searchVector"> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).filter(([key]) => key !== "searchVector")) as Omit<
    T["_"]["columns"],
    "searchVector"
  >;
}
