import argon2 from "argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, signInThrottle, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { MAX_LOCK_MS } from "@/lib/auth/throttle-policy";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

const PASSWORD = "welcome-points-demo";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const lockMs = async (key: string) => {
  const [row] = await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row?.lockedUntil ? row.lockedUntil.getTime() - row.lastFailureAt.getTime() : 0;
};

describe("sign-in abuse", () => {
  it("answers 100 wrong passwords with growing delays up to the cap, and then refuses even the right one", async () => {
    const email = "awo@demo.example";
    const delays: number[] = [];
    // The throttle does not depend on the hash's cost (the next test checks that argon2 runs): a fast stand-in
    // keeps 100 attempts quick on a busy machine.
    const verify = vi.spyOn(argon2, "verify").mockResolvedValue(false);
    for (let i = 0; i < 100; i++) {
      // A different address each time: the per-account lock must hold on its own.
      expect(
        await authenticate(database.db, email, `falsch-${i}-passwort`, `10.9.${Math.floor(i / 200)}.${i % 200}`),
      ).toBeNull();
      delays.push(await lockMs(`email:${email}`));
    }
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
    for (let i = 1; i < delays.length; i++)
      expect(delays[i]!, `attempt ${i + 1}`).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[4]).toBe(1000);
    expect(delays[5]).toBe(2000);
    expect(delays[9]).toBe(32_000);
    expect(new Set(delays).size).toBeGreaterThan(10);
    expect(delays.at(-1)).toBe(MAX_LOCK_MS);
    verify.mockRestore();
    expect(await authenticate(database.db, email, PASSWORD, "10.9.9.9")).toBeNull();
    const reasons = await database.db
      .select({ reason: sql<string>`${auditEvents.summary}->>'reason'`, n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in_failed"))
      .groupBy(sql`1`);
    expect(Object.fromEntries(reasons.map((r) => [r.reason, r.n]))).toMatchObject({ wrong_password: 5, throttled: 96 });
  });

  it("gives existing and unknown accounts the same answer, each paying one argon2 verification", async () => {
    const verify = vi.spyOn(argon2, "verify");
    try {
      expect(await authenticate(database.db, "jugendamt@demo.example", "falsches-passwort", null)).toBeNull();
      expect(verify).toHaveBeenCalledTimes(1);
      expect(await authenticate(database.db, "niemand@demo.example", "falsches-passwort", null)).toBeNull();
      expect(verify).toHaveBeenCalledTimes(2);
      // Locked accounts too: the lock must not be visible in the time taken.
      await database.db
        .update(signInThrottle)
        .set({ lockedUntil: sql`now() + interval '1 hour'` })
        .where(eq(signInThrottle.key, "email:jugendamt@demo.example"));
      expect(await authenticate(database.db, "jugendamt@demo.example", PASSWORD, null)).toBeNull();
      expect(verify).toHaveBeenCalledTimes(3);
    } finally {
      verify.mockRestore();
    }
  });

  it("takes comparable time for existing and unknown accounts (medians within 35 %)", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    await authenticate(database.db, "warmup@demo.example", "x-passwort-x", null);
    for (let i = 0; i < 9; i++) {
      // Interleaved, fresh addresses and IPs: no lock, and a busy machine slows both series alike.
      let t = performance.now();
      await authenticate(database.db, "diakonie@demo.example", `falsch-${i}`, `10.8.0.${i}`);
      known.push(performance.now() - t);
      t = performance.now();
      await authenticate(database.db, `unbekannt-${i}@demo.example`, `falsch-${i}`, `10.8.1.${i}`);
      unknown.push(performance.now() - t);
      if (i === 3)
        await database.db.delete(signInThrottle).where(eq(signInThrottle.key, "email:diakonie@demo.example"));
    }
    const ratio = median(known) / median(unknown);
    console.info(
      `sign-in timing: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(1 / 1.35);
    expect(ratio).toBeLessThan(1.35);
  });

  it("ends every session of a person when they change their password", async () => {
    const db = database.db;
    const ok = await authenticate(db, "ausschuss@demo.example", PASSWORD, null);
    const other = ok!.sessionVersion;
    const actor = (await loadActor(db, ok!.id, other))!;
    await changeOwnPassword(db, actor, { currentPassword: PASSWORD, newPassword: "ein-neues-langes-passwort" });
    expect(await loadActor(db, ok!.id, other)).toBeNull();
    expect(await authenticate(db, "ausschuss@demo.example", PASSWORD, null)).toBeNull();
    expect(await authenticate(db, "ausschuss@demo.example", "ein-neues-langes-passwort", null)).not.toBeNull();
  });

  it("throttles wrong current passwords on the profile page with a German message", async () => {
    const db = database.db;
    const actor = await demoActor(db, "federfuehrung");
    const attempt = (current: string) =>
      changeOwnPassword(db, actor, { currentPassword: current, newPassword: "noch-ein-neues-passwort" });
    for (let i = 0; i < 5; i++)
      await expect(attempt(`geraten-${i}`)).rejects.toMatchObject({
        code: "VALIDATION",
        message: "Das bisherige Passwort ist nicht korrekt.",
      });
    const before = (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id)))[0]!.hash;
    // Locked now: even the right password is refused, without being checked, and nothing changes.
    await expect(attempt(PASSWORD)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Zu viele falsche Versuche/),
    });
    expect((await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id)))[0]!.hash).toBe(
      before,
    );
    expect(await lockMs(`password-change:${actor.id}`)).toBe(1000);
    await db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(signInThrottle.key, `password-change:${actor.id}`));
    await attempt(PASSWORD);
    expect(
      await db
        .select()
        .from(signInThrottle)
        .where(eq(signInThrottle.key, `password-change:${actor.id}`)),
    ).toEqual([]);
  });
});
