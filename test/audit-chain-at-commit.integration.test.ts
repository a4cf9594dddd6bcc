import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, auditPending } from "@/db/schema";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { hashAuditEvent } from "@/lib/audit/hash-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.cleanup());

async function eventsNamed(action: string): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  return row!.n;
}

async function pending(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditPending);
  return row!.n;
}

describe(`audit events join the chain at commit (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("chains a transaction's events at its commit, in the order recorded, with the application's hash", async () => {
    const summary = {
      title: "Übergänge „Welcome Points“ – 100 %",
      n: 3,
      nested: { z: null, a: [1, "ß", { ü: true }] },
    };
    const seen = await database.db.transaction(async (tx) => {
      await recordAuditEvent(tx, { action: "test.first", objectType: "test" });
      await recordAuditEvent(tx, { action: "test.second", objectType: "test", summary });
      // Not yet in the chain, not even for this transaction: they join it when it commits.
      const [row] = await tx
        .select({ n: count() })
        .from(auditEvents)
        .where(sql`${auditEvents.action} in ('test.first', 'test.second')`);
      return row!.n;
    });
    expect(seen).toBe(0);
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} in ('test.first', 'test.second')`);
    rows.sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => r.action)).toEqual(["test.first", "test.second"]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    // The hash PostgreSQL computed at commit is the one the application computes (and verifies) for the row.
    for (const row of rows) expect(row.hash).toBe(hashAuditEvent(row.prevHash, row));
    expect(rows[1]!.summary).toEqual(summary);
    expect(await pending()).toBe(0);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("writes nothing when the transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "test.rolled-back", objectType: "test" });
        throw new Error("abgebrochen");
      }),
    ).rejects.toThrow("abgebrochen");
    expect(await eventsNamed("test.rolled-back")).toBe(0);
    expect(await pending()).toBe(0);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("chains an event recorded outside a transaction and a long imported history alike", async () => {
    await recordAuditEvent(database.db as never, { action: "test.autocommit", objectType: "test" });
    const start = Date.UTC(2022, 0, 1);
    const history = Array.from({ length: 1200 }, (_, i) => ({
      occurredAt: new Date(start + i * 60_000),
      actorId: null,
      actorOrganisationId: null,
      action: "test.imported",
      objectType: "test",
      objectId: String(i),
      conceptId: null,
      summary: { i },
      ip: null,
    }));
    await database.db.transaction((tx) => appendAuditEvents(tx, history));
    expect(await eventsNamed("test.autocommit")).toBe(1);
    const imported = await database.db
      .select({ objectId: auditEvents.objectId })
      .from(auditEvents)
      .where(eq(auditEvents.action, "test.imported"))
      .orderBy(auditEvents.seq);
    expect(imported.map((r) => r.objectId)).toEqual(history.map((h) => h.objectId));
    expect(await pending()).toBe(0);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "does not hold the chain's lock while a transaction works; concurrent writers form one chain",
    async () => {
      let releaseSlow!: () => void;
      const slowMayFinish = new Promise<void>((resolve) => (releaseSlow = resolve));
      let slowRecorded!: () => void;
      const recorded = new Promise<void>((resolve) => (slowRecorded = resolve));
      // The slow transaction records its event first and then goes on working (here: waits).
      const slow = database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "test.slow", objectType: "test" });
        slowRecorded();
        await slowMayFinish;
      });
      await recorded;
      // Twenty other writers commit meanwhile; with the lock taken when an event is recorded they would wait for the slow one.
      const others = await Promise.race([
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            database.db.transaction(async (tx) => {
              await recordAuditEvent(tx, { action: "test.concurrent", objectType: "test", summary: { i } });
              await recordAuditEvent(tx, {
                action: "test.concurrent",
                objectType: "test",
                summary: { i, second: true },
              });
            }),
          ),
        ).then(() => "committed"),
        new Promise((resolve) => setTimeout(() => resolve("blocked"), 5000)),
      ]);
      releaseSlow();
      await slow;
      expect(others).toBe("committed");
      expect(await eventsNamed("test.concurrent")).toBe(40);
      expect(await eventsNamed("test.slow")).toBe(1);
      // Each transaction's two events are neighbours in the chain (the lock is held while a commit chains them).
      const rows = await database.db
        .select({ summary: auditEvents.summary })
        .from(auditEvents)
        .where(eq(auditEvents.action, "test.concurrent"))
        .orderBy(auditEvents.seq);
      for (let k = 0; k < rows.length; k += 2)
        expect(rows[k + 1]!.summary).toEqual({ ...rows[k]!.summary, second: true });
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    },
  );
});
