import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { pageOf, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { toMeeting, type MeetingRow } from "./oparl-objects";
import { parseMeetingKey } from "./oparl-urls";
import { PUBLISHED, countRows, filterWhere, ms, queryRows } from "./published";

const MEETING_COLUMNS = sql`m.committee_id as "committeeId", m.meeting_date as "meetingDate",
  to_char(m.meeting_time, 'HH24:MI') as "meetingTime", o.name as "committeeName",
  ${ms(sql`m.created`)} as "createdMs", ${ms(sql`m.modified`)} as "modifiedMs"`;

export async function listMeetings(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  const base: SQL = sql`select ${MEETING_COLUMNS} from meetings m join organisations o on o.id = m.committee_id where ${filterWhere("m", query.filters)}`;
  const total = await countRows(ctx.db, base);
  const rows = await queryRows<MeetingRow>(
    ctx.db,
    sql`${PUBLISHED} ${base} order by m.committee_id, m.meeting_date limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`,
  );
  return pageOf(
    ctx.urls.list("meeting"),
    query,
    total,
    rows.map((r) => toMeeting(r, ctx.urls)),
    params,
  );
}

export async function getMeeting(ctx: OparlContext, key: string) {
  const parsed = parseMeetingKey(key);
  if (!parsed) throw notFound();
  const [row] = await queryRows<MeetingRow>(
    ctx.db,
    sql`${PUBLISHED} select ${MEETING_COLUMNS} from meetings m join organisations o on o.id = m.committee_id
        where m.committee_id = ${parsed.committeeId} and m.meeting_date = ${parsed.meetingDate}`,
  );
  if (!row) throw notFound();
  return toMeeting(row, ctx.urls);
}
