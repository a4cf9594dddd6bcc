import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { auditEvents } from "@/db/schema";
import type { AuditHead } from "./audit-head";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event";

export type AnchorCheck = { head: AuditHead; problem: string | null };

export type ChainReport = {
  /** Chain intact, numbering without gaps, every anchor found with its hash. */
  ok: boolean;
  rows: number;
  /** The newest entry as found (what later checks can be anchored to). */
  head: AuditHead | null;
  /** The first entry whose link or hash does not match. */
  brokenSeq?: number;
  reason?: string;
  /** Sequence numbers missing between entries (inclusive ranges). */
  gaps: { from: number; to: number }[];
  anchors: AnchorCheck[];
};

/**
 * Walks the whole trail in pages: names the first entry whose link or hash does not match, every gap in the
 * numbering (entries deleted, or a number a failed commit used up), and checks each external anchor — the entry
 * with the anchor's number must exist with the anchor's hash; a trail that ends before it has lost its tail.
 */
export async function verifyAuditChain(
  db: Db,
  options: { anchors?: AuditHead[]; pageSize?: number } = {},
): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2000;
  const wanted = new Map((options.anchors ?? []).map((a) => [a.seq, a]));
  const found = new Map<number, string>();
  const gaps: ChainReport["gaps"] = [];
  let broken: { seq: number; reason: string } | null = null;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      rows++;
      if (row.seq !== lastSeq + 1) gaps.push({ from: lastSeq + 1, to: row.seq - 1 });
      if (!broken && row.prevHash !== prevHash)
        broken = { seq: row.seq, reason: "Verkettung unterbrochen (prev_hash passt nicht)" };
      else if (!broken && hashAuditEvent(prevHash, row) !== row.hash)
        broken = { seq: row.seq, reason: "Inhalt verändert (hash passt nicht)" };
      if (wanted.has(row.seq)) found.set(row.seq, row.hash);
      prevHash = row.hash;
      lastSeq = row.seq;
    }
    if (page.length < pageSize) break;
  }
  const anchors = [...wanted.values()].map((head): AnchorCheck => {
    const hash = found.get(head.seq);
    if (hash === head.hash) return { head, problem: null };
    if (hash !== undefined)
      return {
        head,
        problem: `Eintrag Nr. ${head.seq} hat einen anderen Hash als im Kopfvermerk – das Protokoll wurde bis dorthin neu geschrieben.`,
      };
    if (head.seq > lastSeq)
      return {
        head,
        problem: `Das Protokoll endet bei Nr. ${lastSeq}, der Kopfvermerk nennt Nr. ${head.seq}: Die Einträge ${lastSeq + 1} bis ${head.seq} fehlen (das Ende wurde abgeschnitten).`,
      };
    return { head, problem: `Eintrag Nr. ${head.seq} aus dem Kopfvermerk fehlt im Protokoll (gelöscht).` };
  });
  return {
    ok: !broken && gaps.length === 0 && anchors.every((a) => a.problem === null),
    rows,
    head: rows ? { seq: lastSeq, hash: prevHash } : null,
    ...(broken ? { brokenSeq: broken.seq, reason: broken.reason } : {}),
    gaps,
    anchors,
  };
}

/** The report in German sentences, one per finding, for the command line. */
export function describeChainReport(report: ChainReport): string[] {
  const lines: string[] = [];
  if (report.brokenSeq !== undefined) lines.push(`Eintrag Nr. ${report.brokenSeq} – ${report.reason}.`);
  for (const gap of report.gaps)
    lines.push(
      gap.from === gap.to
        ? `Lücke in der Nummerierung: Eintrag Nr. ${gap.from} fehlt.`
        : `Lücke in der Nummerierung: Einträge Nr. ${gap.from} bis ${gap.to} fehlen.`,
    );
  for (const anchor of report.anchors)
    lines.push(anchor.problem ?? `Kopfvermerk Nr. ${anchor.head.seq} gefunden, Hash stimmt überein.`);
  return lines;
}
