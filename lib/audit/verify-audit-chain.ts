import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event";

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; reason: string };

/** Walks the whole trail in pages and names the first row whose hash or link does not match. */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      rows++;
      if (row.prevHash !== prevHash)
        return { ok: false, rows, brokenSeq: row.seq, reason: "Verkettung unterbrochen (prev_hash passt nicht)" };
      if (hashAuditEvent(prevHash, row) !== row.hash)
        return { ok: false, rows, brokenSeq: row.seq, reason: "Inhalt verändert (hash passt nicht)" };
      prevHash = row.hash;
      afterSeq = row.seq;
    }
    if (page.length < pageSize) return { ok: true, rows };
  }
}
