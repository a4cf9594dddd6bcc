import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, signInThrottle, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { loadActor } from "@/lib/auth/load-actor";
import { authenticate } from "@/lib/auth/authenticate";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

const PASSWORD = "welcome-points-demo";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const user = await authenticate(database.db, "  AWO@demo.example ", PASSWORD, "10.1.1.1");
    expect(user?.email).toBe("awo@demo.example");
  });

  it("refuses wrong passwords and unknown accounts alike, and records why in the audit trail", async () => {
    expect(await authenticate(database.db, "awo@demo.example", "falsch-falsch", "10.1.1.2")).toBeNull();
    expect(await authenticate(database.db, "unbekannt@demo.example", PASSWORD, "10.1.1.2")).toBeNull();
    const failed = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failed.map((e) => (e.summary as { reason: string }).reason).sort()).toEqual([
      "unknown_account",
      "wrong_password",
    ]);
    expect(failed.every((e) => e.ip === "10.1.1.2")).toBe(true);
  });

  it("locks an account after five failures, even for the right password, then lets it in again", async () => {
    const email = "diakonie@demo.example";
    for (let i = 0; i < 5; i++)
      expect(await authenticate(database.db, email, `wrong-${i}-xxxxxx`, `10.2.0.${i}`)).toBeNull();
    expect(await authenticate(database.db, email, PASSWORD, "10.2.0.9")).toBeNull();
    const [row] = await database.db
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, `email:${email}`));
    expect(row!.failures).toBe(6);
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    await database.db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(signInThrottle.key, `email:${email}`));
    expect(await authenticate(database.db, email, PASSWORD, "10.2.0.9")).not.toBeNull();
  });

  it("throttles per IP across accounts", async () => {
    const ip = "10.3.3.3";
    for (let i = 0; i < 20; i++) await authenticate(database.db, `nobody${i}@demo.example`, "irrelevant-pass", ip);
    expect(await authenticate(database.db, "jugendamt@demo.example", PASSWORD, ip)).toBeNull();
    expect(await authenticate(database.db, "jugendamt@demo.example", PASSWORD, "10.3.3.4")).not.toBeNull();
  });

  it("refuses deactivated users, and their sessions end at the next request", async () => {
    const ok = await authenticate(database.db, "ausschuss@demo.example", PASSWORD, null);
    expect(await loadActor(database.db, ok!.id, ok!.sessionVersion)).not.toBeNull();
    await database.db.update(users).set({ active: false }).where(eq(users.id, ok!.id));
    expect(await loadActor(database.db, ok!.id, ok!.sessionVersion)).toBeNull();
    expect(await authenticate(database.db, "ausschuss@demo.example", PASSWORD, null)).toBeNull();
  });

  it("ends sessions carrying an outdated session version", async () => {
    const ok = await authenticate(database.db, "federfuehrung@demo.example", PASSWORD, null);
    await database.db
      .update(users)
      .set({ sessionVersion: sql`gen_random_uuid()::text` })
      .where(eq(users.id, ok!.id));
    expect(await loadActor(database.db, ok!.id, ok!.sessionVersion)).toBeNull();
  });
});
