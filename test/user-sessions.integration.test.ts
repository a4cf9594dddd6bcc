import { and, eq } from "drizzle-orm";
import { NextRequest, type NextResponse } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connect";
import { auditEvents, userSessions } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { endAllUserSessions, endUserSession } from "@/lib/auth/user-sessions";
import { createTestDatabase } from "./test-database";

/**
 * Finding 3 of issue 16: "Abmelden" only removed the cookie, so a copy of it kept working for up to 8 hours.
 * Now every sign-in opens a server-side session whose id the cookie carries; signing out ends that row.
 */
const state = vi.hoisted(() => ({ db: null as unknown, session: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
// The cookie jar is read by getSessionIdentity; the session itself comes from the getToken stub below.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next-auth/jwt", async (original) => ({
  ...(await original<typeof import("next-auth/jwt")>()),
  // The decrypted session cookie, as getToken would return it.
  getToken: async () => {
    const s = state.session as { userId?: string; sv?: string; sid?: string } | null;
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

const PASSWORD = "welcome-points-demo";
const signIn = async (email: string) => (await authenticate(db, email, PASSWORD, "10.9.0.1"))!;
/** What the next request with this cookie would get: the actor, or null (signed out). */
const requestWith = (s: Awaited<ReturnType<typeof signIn>>) => loadActor(db, s.id, s.sessionVersion, s.sessionId);
const cookieOf = (s: Awaited<ReturnType<typeof signIn>>) => ({ userId: s.id, sv: s.sessionVersion, sid: s.sessionId });

/** A form post to the sign-out route from our own page, with next-auth's cookie and another one. */
function signOutPost(body = "", origin = "http://127.0.0.1:3000") {
  return new NextRequest("http://127.0.0.1:3000/abmelden", {
    method: "POST",
    headers: {
      host: "127.0.0.1:3000",
      origin,
      "content-type": "application/x-www-form-urlencoded",
      cookie: "next-auth.session-token=abc; andere=1",
    },
    body,
  });
}

/** Where the answer sends the browser, and which cookies it removes. */
async function postSignOut(body?: string, origin?: string) {
  const { POST } = await import("@/app/abmelden/route");
  const response = (await POST(signOutPost(body, origin))) as NextResponse;
  const cleared = response.cookies.getAll().map((c) => c.name);
  return { status: response.status, location: response.headers.get("location"), cleared };
}

describe("server-side sessions", () => {
  it("each sign-in opens its own session, and the cookie's session id is checked on every request", async () => {
    const first = await signIn("awo@demo.example");
    const second = await signIn("awo@demo.example");
    expect(first.sessionId).not.toBe(second.sessionId);
    expect(await requestWith(first)).not.toBeNull();
    expect(await requestWith(second)).not.toBeNull();
    // A forged or unknown session id, or another user's, gets nothing.
    expect(await loadActor(db, first.id, first.sessionVersion, "00000000-0000-4000-8000-000000000000")).toBeNull();
    const other = await signIn("diakonie@demo.example");
    expect(await loadActor(db, first.id, first.sessionVersion, other.sessionId)).toBeNull();
  });

  it("signing out ends the session on the server: a copied cookie no longer works, other sessions do", async () => {
    const here = await signIn("jugendamt@demo.example");
    const elsewhere = await signIn("jugendamt@demo.example");
    state.session = cookieOf(here);
    // A post from another site signs nobody out.
    expect((await postSignOut("", "https://evil.example")).status).toBe(403);
    expect(await requestWith(here)).not.toBeNull();
    expect(await postSignOut()).toEqual({ status: 303, location: "/anmelden", cleared: ["next-auth.session-token"] });
    // The copy of the cookie (same JWT, so same user, version and session id) is refused from now on.
    expect(await requestWith(here)).toBeNull();
    expect(await requestWith(elsewhere)).not.toBeNull();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_out"), eq(auditEvents.actorId, here.id)));
    expect(events).toHaveLength(1);
    // Signing out twice with the copy changes and records nothing more.
    await endUserSession(db, { userId: here.id, sessionId: here.sessionId });
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "auth.sign_out"), eq(auditEvents.actorId, here.id))),
    ).toHaveLength(1);
  });

  it("'Überall abmelden' ends every session of the person, and only theirs", async () => {
    const a = await signIn("federfuehrung@demo.example");
    const b = await signIn("federfuehrung@demo.example");
    const someoneElse = await signIn("ausschuss@demo.example");
    state.session = cookieOf(a);
    expect(await postSignOut("bereich=ueberall")).toMatchObject({
      status: 303,
      location: "/anmelden?abgemeldet=ueberall",
      cleared: ["next-auth.session-token"],
    });
    expect(await requestWith(a)).toBeNull();
    expect(await requestWith(b)).toBeNull();
    expect(await requestWith(someoneElse)).not.toBeNull();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_out_everywhere"), eq(auditEvents.actorId, a.id)));
    expect((event!.summary as { sessions: number }).sessions).toBeGreaterThanOrEqual(2);
    // Signed in again afterwards: a new session works.
    expect(await requestWith(await signIn("federfuehrung@demo.example"))).not.toBeNull();
  });

  it("'Überall abmelden' without a valid session changes nothing", async () => {
    const c = await signIn("admin@demo.example");
    state.session = { ...cookieOf(c), sid: "00000000-0000-4000-8000-000000000000" };
    expect((await postSignOut("bereich=ueberall")).location).toBe("/anmelden");
    expect(await requestWith(c)).not.toBeNull();
  });

  it("a session ends by itself after the session lifetime, and a cookie without a session id is signed out", async () => {
    const s = await signIn("awo@demo.example");
    await db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userSessions.id, s.sessionId));
    expect(await requestWith(s)).toBeNull();
    const { getSessionIdentity } = await import("@/lib/auth/actor");
    state.session = { userId: s.id, sv: s.sessionVersion };
    expect(await getSessionIdentity()).toBeNull();
  });

  it("ending all sessions directly reports how many ended", async () => {
    const s = await signIn("diakonie@demo.example");
    const actor = (await requestWith(s))!;
    expect(await endAllUserSessions(db, actor)).toBeGreaterThanOrEqual(1);
    expect(await endAllUserSessions(db, actor)).toBe(0);
  });
});
