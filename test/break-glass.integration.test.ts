import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditEvents, breakGlassGrants, mailOutbox, notifications, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { listConceptAudit } from "@/lib/audit/list-concept-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { exportConceptBackup } from "@/lib/backup/export-concept-backup";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { openBreakGlass } from "@/lib/concepts/open-break-glass";
import { AppError } from "@/lib/errors";
import { listParticipants } from "@/lib/participants/list-participants";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

/**
 * Finding 2 of issue 16: the admin, without a role in a concept, downloaded its full backup (drafts, internal
 * threads, audit trail) and read its Protokoll. Now only the lead may, an admin only through break-glass access
 * that is audited and told to the lead, and every backup download is an audit event (docs/decisions/0011).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let admin: Actor;
let lead: Actor;
let author: Actor;
let conceptId: string;
const REASON = "Ticket 4711: Umzug des Konzepts auf die neue Installation";

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedDemo(db);
  admin = await demoActor(db, "admin");
  lead = await demoActor(db, "federfuehrung");
  author = await demoActor(db, "jugendamt");
  conceptId = (await demoConcept(db)).concept.id;
});
afterAll(async () => database?.cleanup());

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
}
const NOT_FOUND = "NOT_FOUND: Nicht gefunden oder kein Zugriff.";
const eventsOf = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.conceptId, conceptId)));

describe("the backup and the Protokoll", () => {
  it("the lead downloads the backup, and each download is an audit event with the file's checksum", async () => {
    const before = (await eventsOf("concept.backup_downloaded")).length;
    const backup = await exportConceptBackup(db, lead, conceptId);
    const events = await eventsOf("concept.backup_downloaded");
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.actorId).toBe(lead.id);
    expect(events.at(-1)!.summary).toEqual({ checksum: backup.checksum.value });
  });

  it("an admin without a role gets neither, with the answer of an unknown concept, and nothing is recorded", async () => {
    const before = (await eventsOf("concept.backup_downloaded")).length;
    expect(await codeOf(() => exportConceptBackup(db, admin, conceptId))).toBe(NOT_FOUND);
    expect(await codeOf(() => listConceptAudit(db, admin, conceptId, {}))).toBe(NOT_FOUND);
    expect(await codeOf(() => exportConceptBackup(db, author, conceptId))).toBe(NOT_FOUND);
    expect(await eventsOf("concept.backup_downloaded")).toHaveLength(before);
  });

  it("the admin's Beteiligte page shows names and roles, no way into the content", async () => {
    const page = await listParticipants(db, admin, conceptId);
    expect(page.readsConcept).toBe(false);
    expect(Object.keys(page.concept).sort()).toEqual(["id", "mandateReference", "title"]);
    expect(await codeOf(() => getConceptOverview(db, admin, conceptId))).toBe(NOT_FOUND);
  });
});

describe("break-glass access", () => {
  it("refuses non-admins like an unknown concept, and a missing or too short reason in German", async () => {
    expect(await codeOf(() => openBreakGlass(db, lead, { conceptId, reason: REASON }))).toBe(NOT_FOUND);
    const short = await codeOf(() => openBreakGlass(db, admin, { conceptId, reason: "   weil   " }));
    expect(short).toMatch(/^VALIDATION: Bitte prüfen Sie/);
    const tampered = await codeOf(() => openBreakGlass(db, admin, { conceptId: "x", reason: REASON }));
    expect(tampered).toMatch(/^VALIDATION/);
    expect(
      await codeOf(() =>
        openBreakGlass(db, admin, { conceptId: "00000000-0000-4000-8000-000000000000", reason: REASON }),
      ),
    ).toBe(NOT_FOUND);
    expect(await db.select().from(breakGlassGrants)).toEqual([]);
  });

  it("opens backup and Protokoll for the admin for an hour, audited, and tells every lead at once", async () => {
    const mailsBefore = (await db.select().from(mailOutbox)).length;
    const opened = await openBreakGlass(db, admin, { conceptId, reason: `  ${REASON}  ` });
    expect(opened.leadsNotified).toBeGreaterThanOrEqual(1);
    expect(opened.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(opened.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const [opening] = await eventsOf("concept.break_glass_opened");
    expect(opening!.actorId).toBe(admin.id);
    expect(opening!.summary).toMatchObject({ reason: REASON, grantId: opened.grantId });

    // The lead sees it in the inbox and gets an e-mail, naming the admin and the reason.
    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, lead.id), eq(notifications.kind, "break_glass")));
    expect(notice!.title).toContain("Notfallzugriff");
    expect(notice!.body).toContain(admin.name);
    expect(notice!.body).toContain(REASON);
    expect(notice!.link).toBe(`/konzepte/${conceptId}/protokoll?kategorie=concept`);
    const mails = await db.select().from(mailOutbox);
    expect(mails.length).toBeGreaterThan(mailsBefore);
    expect(mails.some((m) => m.toAddress === lead.email && m.textBody.includes(REASON))).toBe(true);

    // Now the admin downloads the backup; the download names the grant.
    const backup = await exportConceptBackup(db, admin, conceptId);
    const downloads = await eventsOf("concept.backup_downloaded");
    expect(downloads.at(-1)!.actorId).toBe(admin.id);
    expect(downloads.at(-1)!.summary).toEqual({ checksum: backup.checksum.value, breakGlassGrantId: opened.grantId });
    const audit = await listConceptAudit(db, admin, conceptId, { category: "concept" });
    expect(audit.readsConcept).toBe(false);
    expect(audit.breakGlassUntil?.getTime()).toBe(opened.expiresAt.getTime());
    // The lead sees both in the Protokoll.
    const leadsView = await listConceptAudit(db, lead, conceptId, { category: "concept" });
    expect(leadsView.rows.map((r) => r.event.action)).toEqual(
      expect.arrayContaining(["concept.break_glass_opened", "concept.backup_downloaded"]),
    );
    expect(leadsView.breakGlassUntil).toBeNull();
    // … and on the concept's overview while the access is open.
    const overview = await getConceptOverview(db, lead, conceptId);
    expect(overview.openBreakGlass).toEqual([{ adminName: admin.name, reason: REASON, expiresAt: opened.expiresAt }]);
    expect((await getConceptOverview(db, author, conceptId)).openBreakGlass).toEqual([]);

    // Break-glass never opens the concept's pages.
    expect(await codeOf(() => getConceptOverview(db, admin, conceptId))).toBe(NOT_FOUND);
  });

  it("ends by itself: an expired grant opens nothing, and a grant is the admin's own", async () => {
    await db.update(breakGlassGrants).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await getConceptOverview(db, lead, conceptId)).openBreakGlass).toEqual([]);
    expect(await codeOf(() => exportConceptBackup(db, admin, conceptId))).toBe(NOT_FOUND);
    expect(await codeOf(() => listConceptAudit(db, admin, conceptId, {}))).toBe(NOT_FOUND);
    // Another admin does not inherit a colleague's grant.
    await openBreakGlass(db, admin, { conceptId, reason: REASON });
    const [other] = await db
      .insert(users)
      .values({ name: "Zweite Administration", email: "admin2@demo.example", isAdmin: true })
      .returning({ id: users.id });
    const otherAdmin: Actor = { ...admin, id: other!.id, name: "Zweite Administration" };
    expect(await codeOf(() => exportConceptBackup(db, otherAdmin, conceptId))).toBe(NOT_FOUND);
  });
});
