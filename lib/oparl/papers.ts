import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { parseIdOrNotFound } from "@/lib/ids";
import { pageOf, type ListQuery } from "./list-query";
import { CONSULTATION_COLUMNS } from "./consultations";
import { FILE_COLUMNS } from "./files";
import { uuidList, type OparlContext } from "./oparl-context";
import { toPaper, type ConsultationRow, type FileRow, type PaperRow } from "./oparl-objects";
import { PUBLISHED, countRows, filterWhere, ms, queryRows } from "./published";

const PAPER_COLUMNS = sql`p.id, p.paper_type as "paperType", p.reference, p.paper_date as "paperDate", p.file_id as "fileId",
  p.title, p.lead_organisation_id as "leadOrganisationId", p.deleted,
  p.decision_proposal as "decisionProposal", p.financial_impact as "financialImpact", p.reasoning,
  ${ms(sql`p.created`)} as "createdMs", ${ms(sql`p.modified`)} as "modifiedMs"`;

/** Papers with their embedded consultations and main file: three queries whatever the page size. */
async function withEmbedded({ db, urls }: OparlContext, papers: PaperRow[]) {
  const live = papers.filter((p) => !p.deleted);
  const fileIds = live.flatMap((p) => (p.fileId ? [p.fileId] : []));
  const [consultations, files] = await Promise.all([
    live.length
      ? queryRows<ConsultationRow>(
          db,
          sql`${PUBLISHED} select ${CONSULTATION_COLUMNS} from consults k where k.paper_id = any(${uuidList(live.map((p) => p.id))}) order by k.position, k.id`,
        )
      : [],
    fileIds.length
      ? queryRows<FileRow>(
          db,
          sql`${PUBLISHED} select ${FILE_COLUMNS} from files f where f.id = any(${uuidList(fileIds)})`,
        )
      : [],
  ]);
  return papers.map((p) =>
    toPaper(
      p,
      consultations.filter((c) => c.paperId === p.id),
      files.find((f) => f.id === p.fileId),
      urls,
    ),
  );
}

export async function listPapers(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  const base: SQL = sql`select ${PAPER_COLUMNS} from papers p where ${filterWhere("p", query.filters)}`;
  const total = await countRows(ctx.db, base);
  const rows = await queryRows<PaperRow>(
    ctx.db,
    sql`${PUBLISHED} ${base} order by p.id limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`,
  );
  return pageOf(ctx.urls.list("paper"), query, total, await withEmbedded(ctx, rows), params);
}

export async function getPaper(ctx: OparlContext, rawId: string) {
  const id = parseIdOrNotFound(rawId);
  const rows = await queryRows<PaperRow>(
    ctx.db,
    sql`${PUBLISHED} select ${PAPER_COLUMNS} from papers p where p.id = ${id}`,
  );
  if (!rows.length) throw notFound();
  return (await withEmbedded(ctx, rows))[0]!;
}
