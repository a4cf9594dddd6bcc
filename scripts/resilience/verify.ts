import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { changeProposals, commentThreads, sectionRevisions, signoffs } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/** Writes the server acknowledged; after the run every one of them must be in the database. */
export class Acknowledged {
  saves: { sectionId: string; number: number; marker: string }[] = [];
  threads: string[] = [];
  proposals: string[] = [];
  signoffs: { roundId: string; organisationId: string; email: string }[] = [];
  get total() {
    return this.saves.length + this.threads.length + this.proposals.length + this.signoffs.length;
  }
}

export type Check = { name: string; ok: boolean; detail: string };

/** Everything acknowledged is present; revisions are complete and contiguous; sign-offs fit their rounds; audit chain intact. */
export async function verifyDatabase(db: Db, acks: Acknowledged): Promise<Check[]> {
  const checks: Check[] = [];

  const revisionRows = await db
    .select({
      sectionId: sectionRevisions.sectionId,
      number: sectionRevisions.number,
      text: sectionRevisions.contentText,
    })
    .from(sectionRevisions);
  const byKey = new Map(revisionRows.map((r) => [`${r.sectionId}#${r.number}`, r.text]));
  const missingSaves = acks.saves.filter((s) => !(byKey.get(`${s.sectionId}#${s.number}`) ?? "").includes(s.marker));
  checks.push({
    name: "Acknowledged saves present",
    ok: missingSaves.length === 0,
    detail: `${acks.saves.length - missingSaves.length}/${acks.saves.length}`,
  });

  const threadIds = new Set((await db.select({ id: commentThreads.id }).from(commentThreads)).map((r) => r.id));
  const missingThreads = acks.threads.filter((id) => !threadIds.has(id));
  checks.push({
    name: "Acknowledged comment threads present",
    ok: missingThreads.length === 0,
    detail: `${acks.threads.length - missingThreads.length}/${acks.threads.length}`,
  });

  const proposalIds = new Set((await db.select({ id: changeProposals.id }).from(changeProposals)).map((r) => r.id));
  const missingProposals = acks.proposals.filter((id) => !proposalIds.has(id));
  checks.push({
    name: "Acknowledged proposals present",
    ok: missingProposals.length === 0,
    detail: `${acks.proposals.length - missingProposals.length}/${acks.proposals.length}`,
  });

  const signoffRows = await db
    .select({ roundId: signoffs.roundId, organisationId: signoffs.organisationId })
    .from(signoffs);
  const signed = new Set(signoffRows.map((r) => `${r.roundId}#${r.organisationId}`));
  const missingSignoffs = acks.signoffs.filter((s) => !signed.has(`${s.roundId}#${s.organisationId}`));
  checks.push({
    name: "Acknowledged sign-offs present",
    ok: missingSignoffs.length === 0,
    detail: `${acks.signoffs.length - missingSignoffs.length}/${acks.signoffs.length}`,
  });

  // Every section: revisions 1..version without a gap, the latest one is the section's current text, no empty row.
  const broken = await db.execute(sql`
    select s.id, s.version, count(r.id)::int as revisions, coalesce(max(r.number), 0)::int as latest,
           bool_and(r.content is not null and r.content_text is not null and r.author_id is not null) as complete,
           bool_or(r.number = s.version and r.content_text = s.content_text) as current_matches
    from sections s left join section_revisions r on r.section_id = s.id
    group by s.id, s.version
    having s.version <> count(r.id) or s.version <> coalesce(max(r.number), 0)
        or not coalesce(bool_and(r.content is not null and r.content_text is not null and r.author_id is not null), true)
        or (s.version > 0 and not coalesce(bool_or(r.number = s.version and r.content_text = s.content_text), false))`);
  const brokenRows = (broken as unknown as { rows?: unknown[] }).rows ?? (broken as unknown as unknown[]);
  const [sectionCount] = await db
    .execute(sql`select count(*)::int as n from sections`)
    .then((r) => (r as unknown as { rows?: { n: number }[] }).rows ?? (r as unknown as { n: number }[]));
  checks.push({
    name: "Revisions contiguous and complete, section = latest revision",
    ok: brokenRows.length === 0,
    detail:
      brokenRows.length === 0
        ? `${sectionCount?.n ?? "?"} sections, ${revisionRows.length} revisions`
        : `inconsistent: ${JSON.stringify(brokenRows.slice(0, 3))}`,
  });

  // Sign-offs: at most one per organisation and round; a completed round has one from every required organisation.
  const duplicates = await db
    .select({ roundId: signoffs.roundId, organisationId: signoffs.organisationId, n: count() })
    .from(signoffs)
    .groupBy(signoffs.roundId, signoffs.organisationId)
    .having(sql`count(*) > 1`);
  const incomplete = await db.execute(sql`
    select r.id from signoff_rounds r
    where r.status = 'completed' and exists (
      select 1 from required_signoffs q where q.concept_id = r.concept_id
        and not exists (select 1 from signoffs s where s.round_id = r.id and s.organisation_id = q.organisation_id))`);
  const incompleteRows = (incomplete as unknown as { rows?: unknown[] }).rows ?? (incomplete as unknown as unknown[]);
  const wrongHash = await db.execute(sql`
    select s.id from signoffs s join signoff_rounds r on r.id = s.round_id where s.content_hash <> r.content_hash`);
  const wrongHashRows = (wrongHash as unknown as { rows?: unknown[] }).rows ?? (wrongHash as unknown as unknown[]);
  checks.push({
    name: "Sign-offs consistent with their rounds",
    ok: duplicates.length === 0 && incompleteRows.length === 0 && wrongHashRows.length === 0,
    detail: `${signoffRows.length} sign-offs; duplicates per organisation and round: ${duplicates.length}, completed rounds missing one: ${incompleteRows.length}, on another Fassung than the round: ${wrongHashRows.length}`,
  });

  const chain = await verifyAuditChain(db);
  checks.push({
    name: "Audit chain (verifyAuditChain)",
    ok: chain.ok,
    detail: chain.ok ? `${chain.rows} events` : `broken at seq ${chain.brokenSeq}: ${chain.reason}`,
  });
  return checks;
}
