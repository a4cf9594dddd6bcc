import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  concepts,
  consultations,
  mandateItems,
  organisations,
  sectionRevisions,
  sections,
  users,
} from "@/db/schema";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { seedDemoIfEmpty } from "@/demo/seed-demo";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.cleanup());

describe(`migrations and demo seed (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("migrates an empty database and applies migrations idempotently", async () => {
    await database.migrate();
    const [row] = await database.db.select({ n: count() }).from(users);
    expect(row!.n).toBe(0);
    expect(await isDemoDataPresent(database.db)).toBe(false);
  });

  it("seeds the Welcome Points concept once, and never into a database that has users", async () => {
    expect(await seedDemoIfEmpty(database.db)).toBe(true);
    expect(await seedDemoIfEmpty(database.db)).toBe(false);
    const db = database.db;
    const [concept] = await db.select().from(concepts);
    expect(concept).toMatchObject({
      mandateReference: "RAT/676/2021",
      decisionDate: "2021-12-16",
      deadline: "2022-06-30",
      status: "entwurf",
    });
    expect(
      (await db.select().from(mandateItems).where(eq(mandateItems.conceptId, concept!.id))).map((m) => m.text),
    ).toHaveLength(4);
    const folge = await db
      .select({ short: organisations.shortName, role: consultations.role, date: consultations.meetingDate })
      .from(consultations)
      .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
      .orderBy(consultations.position);
    expect(folge.map((f) => f.short)).toEqual(["IR", "JHA", "AGS"]);
    expect(folge.at(-1)!.role).toBe("entscheidung");
    expect(folge.every((f) => f.date < "2022-06-30")).toBe(true);
    const owners = await db.selectDistinct({ owner: sections.ownerOrganisationId }).from(sections);
    expect(owners.length).toBeGreaterThanOrEqual(4);
    const [revs] = await db.select({ n: count() }).from(sectionRevisions);
    const [secs] = await db.select({ n: count() }).from(sections);
    expect(revs!.n).toBe(secs!.n);
    const traeger = await db.select().from(organisations).where(eq(organisations.kind, "traeger"));
    expect(traeger.length).toBeGreaterThanOrEqual(3);
    expect(traeger.every((o) => o.illustrative)).toBe(true);
    expect(await isDemoDataPresent(db)).toBe(true);
  });

  it("keeps e-mail addresses unique regardless of case", async () => {
    await expect(
      database.db.insert(users).values({ name: "X", email: "FEDERFUEHRUNG@demo.example" }),
    ).rejects.toThrow();
  });

  it("chains audit events and the database refuses to change them", async () => {
    const db = database.db;
    await db.transaction((tx) =>
      recordAuditEvent(tx, { action: "test.event", objectType: "test", summary: { b: 2, a: [1, "x"] } }),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    await expect(db.execute(sql`update audit_events set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [row] = await db.select({ n: count() }).from(auditEvents);
    expect(row!.n).toBeGreaterThanOrEqual(2);
  });

  it("audit verification names the first tampered row", async () => {
    const db = database.db;
    // Only an owner bypassing the trigger can tamper; verification must still notice.
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    const [second] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .orderBy(auditEvents.seq)
      .offset(1)
      .limit(1);
    await db.execute(sql`update audit_events set summary = '{"forged":true}'::jsonb where seq = ${second!.seq}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenSeq: second!.seq });
  });
});
