import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { queryRows, uuidList } from "@/db/query-rows";

/**
 * One string per open (user, session, section) that changes whenever anything the live rights depend on changes:
 * concept status and participants, section owner and archive, the user's activity, session version, sessions
 * and memberships. Three queries for all open connections together, however many there are.
 */
export async function rightsFingerprints(
  db: Db,
  keys: { userId: string; sessionId: string; sectionId: string }[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (keys.length === 0) return result;
  const sectionIds = [...new Set(keys.map((k) => k.sectionId))];
  const userIds = [...new Set(keys.map((k) => k.userId))];
  const sectionRows = await queryRows<{ id: string; fp: string }>(
    db,
    sql`select s.id::text as id, concat_ws('|', s.owner_organisation_id, s.archived_at, c.status,
          (select string_agg(concat_ws(':', p.role, p.user_id, p.organisation_id), ',' order by p.id)
             from concept_participants p where p.concept_id = c.id),
          (select string_agg(k.committee_id::text, ',' order by k.committee_id) from consultations k where k.concept_id = c.id)) as fp
        from sections s join concepts c on c.id = s.concept_id where s.id = any(${uuidList(sectionIds)})`,
  );
  const userRows = await queryRows<{ id: string; fp: string }>(
    db,
    sql`select u.id::text as id, concat_ws('|', u.active, u.session_version,
          (select string_agg(x.id::text, ',' order by x.id) from user_sessions x
             where x.user_id = u.id and x.ended_at is null and x.expires_at > now()),
          (select string_agg(concat_ws(':', m.organisation_id, o.active), ',' order by m.organisation_id)
             from memberships m join organisations o on o.id = m.organisation_id where m.user_id = u.id)) as fp
        from users u where u.id = any(${uuidList(userIds)})`,
  );
  const sectionFp = new Map(sectionRows.map((r) => [r.id, r.fp]));
  const userFp = new Map(userRows.map((r) => [r.id, r.fp]));
  for (const k of keys) {
    result.set(
      `${k.userId}/${k.sessionId}/${k.sectionId}`,
      `${userFp.get(k.userId) ?? "-"}#${sectionFp.get(k.sectionId) ?? "-"}`,
    );
  }
  return result;
}
