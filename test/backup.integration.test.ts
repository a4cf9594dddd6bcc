import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/db/backup";
import { connect, type Db } from "@/db/connect";
import { auditEvents, sectionRevisions, sections, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-backup-test-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function counts(db: Db) {
  const n = async (table: typeof users | typeof sections | typeof sectionRevisions | typeof auditEvents) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    sections: await n(sections),
    revisions: await n(sectionRevisions),
    audit: await n(auditEvents),
  };
}

describe("backup and restore on PGlite", () => {
  it("copies the folder under its lock and restores it into an empty folder; a folder with data is refused", async () => {
    const source = path.join(work, "source");
    const database = await connect({ pgliteDir: source });
    await database.migrate();
    await seedDemo(database.db);
    const before = await counts(database.db);
    // While the app holds the folder, a backup is refused: it must not copy a folder that is being written.
    await expect(backupPglite(source, path.join(work, "backups"))).rejects.toThrow(
      /wird bereits von einem anderen Prozess verwendet/,
    );
    await database.close();

    const file = await backupPglite(source, path.join(work, "backups"));
    expect(path.basename(file)).toMatch(/^konzeptwerk-\d{8}-\d{6}\.pglite\.tar\.gz$/);

    const target = path.join(work, "restored");
    await restorePglite(target, file);
    const restored = await connect({ pgliteDir: target });
    try {
      expect(await counts(restored.db)).toEqual(before);
      expect(before.revisions).toBeGreaterThan(0);
      expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, rows: before.audit, gaps: [] });
    } finally {
      await restored.close();
    }
    await expect(restorePglite(source, file)).rejects.toThrow(
      "ist nicht leer. Wiederhergestellt wird nur in einen leeren Ordner",
    );
  }, 180_000);
});

const hasPgDump = (() => {
  try {
    execFileSync("pg_dump", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!process.env.DATABASE_URL || !hasPgDump)("backup and restore on PostgreSQL", () => {
  const baseUrl = process.env.DATABASE_URL!;
  const admin = () => postgres(baseUrl, { max: 1, onnotice: () => {} });
  const urlFor = (name: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const names = [
    `konzeptwerk_test_${randomBytes(6).toString("hex")}`,
    `konzeptwerk_test_${randomBytes(6).toString("hex")}`,
  ];
  afterAll(async () => {
    const sql = admin();
    for (const name of names) await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.end();
  });

  it("pg_dump in custom format, pg_restore into an empty database; a database with tables is refused", async () => {
    const sql = admin();
    for (const name of names) await sql.unsafe(`create database ${name}`);
    await sql.end();
    const [sourceName, targetName] = names as [string, string];
    const source = await connect({ databaseUrl: urlFor(sourceName) });
    await source.migrate();
    await seedDemo(source.db);
    const before = await counts(source.db);
    await source.close();

    const file = await backupPostgres(urlFor(sourceName), path.join(work, "pg-backups"));
    expect(path.basename(file)).toMatch(/^konzeptwerk-\d{8}-\d{6}\.dump$/);
    await restorePostgres(urlFor(targetName), file);
    const target = await connect({ databaseUrl: urlFor(targetName) });
    try {
      expect(await counts(target.db)).toEqual(before);
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, rows: before.audit, gaps: [] });
      // The restored database is a complete app database: migrations have nothing left to do.
      await target.migrate();
    } finally {
      await target.close();
    }
    await expect(restorePostgres(urlFor(sourceName), file)).rejects.toThrow("Die Zieldatenbank ist nicht leer");
  }, 180_000);
});
