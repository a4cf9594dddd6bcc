import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import type { OparlUrls } from "./oparl-urls";

/** What every OParl service needs: the database and the URL builder of this request. */
export type OparlContext = { db: Db; urls: OparlUrls };

/** A uuid[] parameter that both postgres.js and PGlite bind the same way. */
export function uuidList(ids: readonly string[]) {
  return ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`array[]::uuid[]`;
}
