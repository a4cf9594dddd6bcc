import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connect, type Database, type Db } from "@/db/connect";
import { auditHeadFromFile, formatAuditHead, readAuditHead, type AuditHead } from "@/lib/audit/audit-head";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { renderPdf } from "@/lib/export/render-pdf";
import { sampleExportDocument } from "@/demo/sample-export-document";

/**
 * Issue 16, finding 7: a superuser who disables the triggers can delete the newest audit entries, and the chain
 * alone cannot tell — nothing after them links to them. An external anchor (the head written into Vorlage PDFs,
 * concept backups and beside database backups) can. Tampering as a superuser, on a throwaway database.
 */
const KIND = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-audit-tail-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A throwaway database the command-line scripts can open too: its DATABASE_URL or PGLITE_DIR. */
async function throwawayDatabase(): Promise<{ database: Database; env: Record<string, string> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = path.join(work, `pglite-${randomBytes(4).toString("hex")}`);
    const database = await connect({ pgliteDir: dir });
    await database.migrate();
    return { database, env: { PGLITE_DIR: dir } };
  }
  const name = `konzeptwerk_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), maxConnections: 4 });
  await database.migrate();
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { database, env: { DATABASE_URL: url.toString() } };
}

async function record(db: Db, n: number, label: string) {
  for (let i = 0; i < n; i++)
    await db.transaction((tx) => recordAuditEvent(tx, { action: `test.${label}`, objectType: "test", summary: { i } }));
}

/** What a superuser can do: switch triggers off for the session (append-only guard included) and delete. */
async function cutTail(db: Db, fromSeq: number, resetSequence = false) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`delete from audit_events where seq >= ${fromSeq}`);
    if (resetSequence)
      await tx.execute(sql`select setval(pg_get_serial_sequence('audit_events', 'seq'), ${fromSeq - 1})`);
  });
}

function script(name: string, env: Record<string, string>, args: string[] = []) {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.PGLITE_DIR;
  const result = spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join("scripts", name), ...args],
    { env: { ...clean, ...env }, encoding: "utf8", timeout: 120_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe(`audit tail truncation is found against an external anchor (${KIND})`, () => {
  it("a cut-off tail passes the chain check alone, but not against the head; later entries leave a gap", async () => {
    const { database } = await throwawayDatabase();
    const db = database.db;
    try {
      await record(db, 8, "vorher");
      const head = (await readAuditHead(db))!;
      expect(await verifyAuditChain(db, { anchors: [head] })).toMatchObject({ ok: true, head, gaps: [] });

      await cutTail(db, head.seq - 2);
      // The weakness the anchor closes: the shortened chain is intact in itself.
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, gaps: [] });
      const truncated = await verifyAuditChain(db, { anchors: [head] });
      expect(truncated.ok).toBe(false);
      expect(truncated.anchors[0]!.problem).toBe(
        `Das Protokoll endet bei Nr. ${head.seq - 3}, der Kopfvermerk nennt Nr. ${head.seq}: Die Einträge ${head.seq - 2} bis ${head.seq} fehlen (das Ende wurde abgeschnitten).`,
      );

      // The application writes on: the new entries link to the shortened chain, but their numbers show the hole.
      await record(db, 2, "nachher");
      const gapped = await verifyAuditChain(db);
      expect(gapped).toMatchObject({ ok: false, gaps: [{ from: head.seq - 2, to: head.seq }] });
      expect(gapped.brokenSeq).toBeUndefined();
      expect((await verifyAuditChain(db, { anchors: [head] })).anchors[0]!.problem).toMatch(
        `Eintrag Nr. ${head.seq} aus dem Kopfvermerk fehlt`,
      );
    } finally {
      await database.close();
    }
  });

  it("a tail cut off and rewritten with the sequence reset leaves no gap, but not the anchor's hash", async () => {
    const { database } = await throwawayDatabase();
    const db = database.db;
    try {
      await record(db, 5, "vorher");
      const head = (await readAuditHead(db))!;
      await cutTail(db, head.seq - 1, true);
      await record(db, 3, "umgeschrieben");
      const report = await verifyAuditChain(db, { anchors: [head] });
      expect(report).toMatchObject({ ok: false, gaps: [] });
      expect(report.brokenSeq).toBeUndefined();
      expect(report.anchors[0]!.problem).toMatch(`Eintrag Nr. ${head.seq} hat einen anderen Hash als im Kopfvermerk`);
    } finally {
      await database.close();
    }
  });

  it("npm run db:backup writes the head beside the backup; audit:verify --head <backup> reports the missing tail", async () => {
    const { database, env } = await throwawayDatabase();
    await record(database.db, 6, "vorher");
    const head = (await readAuditHead(database.db))!;
    // PGlite: the backup needs the folder, so the app (here: this connection) must be gone.
    await database.close();
    const backupDir = path.join(work, `backups-${randomBytes(4).toString("hex")}`);
    const backup = script("db-backup.ts", { ...env, BACKUP_DIR: backupDir });
    expect(backup.code, backup.output).toBe(0);
    const [file] = fs.readdirSync(backupDir).filter((f) => !f.endsWith(".head.json"));
    const backupFile = path.join(backupDir, file!);
    expect(auditHeadFromFile(fs.readFileSync(`${backupFile}.head.json`))).toEqual(head);

    const intact = script("audit-verify.ts", env, ["--head", backupFile]);
    expect(intact.code, intact.output).toBe(0);
    expect(intact.output).toContain(`Kopfvermerk Nr. ${head.seq} gefunden, Hash stimmt überein.`);

    const again = await connect(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR! });
    await cutTail(again.db, head.seq - 1);
    await again.close();
    const plain = script("audit-verify.ts", env);
    expect(plain.code, plain.output).toBe(0); // the chain alone cannot tell
    for (const args of [["--head", `${backupFile}.head.json`], [`--head=${formatAuditHead(head)}`]]) {
      const cut = script("audit-verify.ts", env, args);
      expect(cut.code, cut.output).toBe(1);
      expect(cut.output).toContain(
        `Die Einträge ${head.seq - 1} bis ${head.seq} fehlen (das Ende wurde abgeschnitten).`,
      );
    }
    // `npm run audit:verify --head <seq>:<hash>` without `--`: npm passes it on as its `heading` setting.
    const viaNpm = script("audit-verify.ts", { ...env, npm_config_heading: formatAuditHead(head) });
    expect(viaNpm.code, viaNpm.output).toBe(1);
    expect(script("audit-verify.ts", env, ["--head", "kein-kopf"]).code).toBe(2);
  }, 240_000);

  it("a Vorlage PDF carries the head as text and as an info entry audit:verify reads", async () => {
    const head: AuditHead = { seq: 4711, hash: "ab".repeat(32) };
    const pdf = await renderPdf({ ...sampleExportDocument(), auditHead: head });
    expect(auditHeadFromFile(pdf)).toEqual(head);
    expect(auditHeadFromFile(await renderPdf(sampleExportDocument()))).toBeNull();
  });
});
