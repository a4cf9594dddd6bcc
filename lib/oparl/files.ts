import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { parseIdOrNotFound } from "@/lib/ids";
import { pageOf, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { toFile, type FileRow } from "./oparl-objects";
import { PUBLISHED, countRows, filterWhere, ms, queryRows } from "./published";

export const FILE_COLUMNS = sql`f.id, f.file_name as "fileName", f.mime_type as "mimeType", f.size, f.sha512, f.paper_date as "paperDate",
  f.paper_ids as "paperIds", f.title, f.reference, ${ms(sql`f.created`)} as "createdMs", ${ms(sql`f.modified`)} as "modifiedMs"`;

export async function listFiles(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  const base: SQL = sql`select ${FILE_COLUMNS} from files f where ${filterWhere("f", query.filters)}`;
  const total = await countRows(ctx.db, base);
  const rows = await queryRows<FileRow>(
    ctx.db,
    sql`${PUBLISHED} ${base} order by f.id limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`,
  );
  return pageOf(
    ctx.urls.list("file"),
    query,
    total,
    rows.map((r) => toFile(r, ctx.urls)),
    params,
  );
}

export async function getFile(ctx: OparlContext, rawId: string) {
  const id = parseIdOrNotFound(rawId);
  const [row] = await queryRows<FileRow>(
    ctx.db,
    sql`${PUBLISHED} select ${FILE_COLUMNS} from files f where f.id = ${id}`,
  );
  if (!row) throw notFound();
  return toFile(row, ctx.urls);
}

export type FileContent = { fileName: string; mimeType: string; content: Buffer };

/** The bytes of a published file: only a file of a live paper, else "not found". */
export async function getFileContent(ctx: OparlContext, rawId: string): Promise<FileContent> {
  const id = parseIdOrNotFound(rawId);
  const [row] = await queryRows<{ fileName: string; mimeType: string; content: Buffer | Uint8Array }>(
    ctx.db,
    sql`${PUBLISHED} select s.file_name as "fileName", s.mime_type as "mimeType", s.content from stored_files s where s.id = ${id} and exists (select 1 from files f where f.id = s.id)`,
  );
  if (!row) throw notFound();
  return {
    fileName: row.fileName,
    mimeType: row.mimeType,
    content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content),
  };
}
