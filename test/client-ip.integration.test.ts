import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, signInThrottle } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { createTestDatabase } from "./test-database";

/**
 * Finding 4 of issue 16, through next-auth's credentials provider as a sign-in request reaches it: an attacker
 * rotating X-Forwarded-For on every attempt still hits the per-IP throttle of their real (socket) address.
 */
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  state.db = database.db;
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
async function authorize(): Promise<Authorize> {
  const { authOptions } = await import("@/lib/auth/auth-options");
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}
const request = (peer: string, forwardedFor: string) => ({
  headers: { [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": forwardedFor },
});

describe("per-IP sign-in throttle behind no trusted proxy", () => {
  it("keys on the socket address, so rotating X-Forwarded-For does not get around it", async () => {
    const signIn = await authorize();
    const verify = vi.spyOn(argon2, "verify").mockResolvedValue(false);
    for (let i = 0; i < 21; i++)
      expect(
        await signIn(
          { email: `rate${i}@demo.example`, password: "falsch-falsch" },
          request("127.0.0.9", `10.7.${i}.1`),
        ),
      ).toBeNull();
    verify.mockRestore();
    const keys = (await database.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("ip:"))).toEqual(["ip:127.0.0.9"]);
    // Locked: even the right password from that address is refused, whatever the header claims …
    expect(
      await signIn({ email: "awo@demo.example", password: "welcome-points-demo" }, request("127.0.0.9", "10.8.8.8")),
    ).toBeNull();
    // … while another address signs in.
    expect(
      await signIn({ email: "awo@demo.example", password: "welcome-points-demo" }, request("127.0.0.10", "10.8.8.8")),
    ).not.toBeNull();
    const [event] = await database.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in"));
    expect(event!.ip).toBe("127.0.0.10");
  });
});
