import "server-only";
import { desc } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { auditEvents } from "@/db/schema";

/**
 * The chain's head: the newest entry's sequence number and hash. Kept outside the database — in a Vorlage PDF, a
 * concept backup, a file beside each `db:backup` — it is the anchor against which `audit:verify --head` notices a
 * cut-off tail, which the chain alone cannot show (a superuser can delete the newest rows with triggers disabled).
 */
export type AuditHead = { seq: number; hash: string };

/** The PDF info key and the text line that carry the head in a Vorlage PDF. */
export const AUDIT_HEAD_PDF_KEY = "KonzeptwerkAuditHead";
/** What a head file beside a database backup declares itself to be. */
export const AUDIT_HEAD_FILE_FORMAT = "konzeptwerk-protokollkopf";

export async function readAuditHead(db: Db | Tx): Promise<AuditHead | null> {
  const [row] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row ?? null;
}

/** `<seq>:<hash>`, the form `audit:verify --head` takes. */
export function formatAuditHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

export function parseAuditHead(text: string): AuditHead | null {
  const match = /^\s*(\d{1,15}):([0-9a-f]{64})\s*$/i.exec(text);
  return match ? { seq: Number(match[1]), hash: match[2]!.toLowerCase() } : null;
}

/** The head file written beside a database backup (`<backup>.head.json`). */
export function auditHeadFile(head: AuditHead | null, backupFile: string, now = new Date()): string {
  return `${JSON.stringify(
    {
      format: AUDIT_HEAD_FILE_FORMAT,
      backup: backupFile,
      writtenAt: now.toISOString(),
      seq: head?.seq ?? 0,
      hash: head?.hash ?? null,
      head: head ? formatAuditHead(head) : null,
    },
    null,
    2,
  )}\n`;
}

/**
 * The head an anchor file carries: a head file, a concept backup (its `payload.auditHead`) or a Vorlage PDF (its
 * info entry). Null when the file carries none (an empty trail at the time, or a backup from before heads existed).
 */
export function auditHeadFromFile(bytes: Buffer): AuditHead | null {
  const text = bytes.toString("latin1");
  if (text.startsWith("%PDF")) {
    // pdfkit writes each info entry as its own object: `/KonzeptwerkAuditHead 402 0 R` … `402 0 obj (…) endobj`.
    const key = new RegExp(`/${AUDIT_HEAD_PDF_KEY}\\s*(?:\\((\\d+:[0-9a-f]{64})\\)|(\\d+) 0 R)`).exec(text);
    if (!key) return null;
    if (key[1]) return parseAuditHead(key[1]);
    const object = new RegExp(`(?:^|\\s)${key[2]} 0 obj\\s*\\((\\d+:[0-9a-f]{64})\\)`).exec(text);
    return object ? parseAuditHead(object[1]!) : null;
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return parseAuditHead(bytes.toString("utf8"));
  }
  const record = json as { format?: unknown; head?: unknown; payload?: { auditHead?: unknown } } | null;
  const candidate = record?.format === AUDIT_HEAD_FILE_FORMAT ? record.head : record?.payload?.auditHead;
  if (typeof candidate === "string") return parseAuditHead(candidate);
  const object = candidate as { seq?: unknown; hash?: unknown } | null | undefined;
  return typeof object?.seq === "number" && typeof object.hash === "string"
    ? parseAuditHead(`${object.seq}:${object.hash}`)
    : null;
}
