import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connect";
import { notifications, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { getActor, getUnreadCount } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { createTestDatabase } from "./test-database";

/**
 * What every signed-in page reads about its user (issue 22: one statement for the user, their organisations and
 * the header's unread count) — and that the checks behind it still refuse on the next request.
 */
const state = vi.hoisted(() => ({ db: null as unknown, session: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next-auth/jwt", async (original) => ({
  ...(await original<typeof import("next-auth/jwt")>()),
  getToken: async () => {
    const s = state.session as { userId: string; sv: string; sid: string } | null;
    return s ? { sub: s.userId, sv: s.sv, sid: s.sid } : null;
  },
}));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  state.db = db;
  await seedDemo(db);
});
afterAll(async () => database?.cleanup());

async function signIn(email: string) {
  const s = (await authenticate(db, email, "welcome-points-demo", "10.9.0.2"))!;
  state.session = { userId: s.id, sv: s.sessionVersion, sid: s.sessionId };
  return s;
}

const unreadInDatabase = async (userId: string) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId))).filter((n) => !n.readAt).length;

describe("the signed-in request", () => {
  it("reads the user with their organisations and the unread count in one go", async () => {
    const s = await signIn("awo@demo.example");
    const note = { userId: s.id, kind: "mention", title: "T", link: "/" };
    await db.insert(notifications).values([note, note, { ...note, readAt: new Date() }]);
    const actor = await getActor();
    expect(actor?.id).toBe(s.id);
    expect(actor?.organisations.map((o) => o.name)).toEqual(["AWO Düsseldorf"]);
    expect(actor?.deputyFor).toEqual([]);
    expect(await getUnreadCount()).toBe(await unreadInDatabase(s.id));
    expect(await getUnreadCount()).toBeGreaterThanOrEqual(2);
  });

  it("refuses a deactivated user and an outdated session version on the next request", async () => {
    const s = await signIn("diakonie@demo.example");
    expect(await getActor()).not.toBeNull();
    await db.update(users).set({ sessionVersion: "other" }).where(eq(users.id, s.id));
    expect(await getActor()).toBeNull();
    expect(await getUnreadCount()).toBe(0);
    const again = await signIn("diakonie@demo.example");
    expect((await getActor())?.id).toBe(again.id);
    await db.update(users).set({ active: false }).where(eq(users.id, s.id));
    expect(await getActor()).toBeNull();
  });

  it("is signed out without a session cookie", async () => {
    state.session = null;
    expect(await getActor()).toBeNull();
    expect(await getUnreadCount()).toBe(0);
  });
});
