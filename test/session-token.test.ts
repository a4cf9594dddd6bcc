import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

const secret = "session-token-test-secret-0123456789";
const claims = { sub: "11111111-1111-4111-8111-111111111111", sv: "3", sid: "22222222-2222-4222-8222-222222222222" };

describe("reading the session cookie with a kept key", () => {
  it("reads what next-auth writes, as next-auth reads it", async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
    // Again, with the key kept from the first call.
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    const salted = await encode({ token: claims, secret, salt: "x" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "x" })).toMatchObject(claims);
  });

  it("refuses a changed, foreign or expired cookie", async () => {
    const token = await encode({ token: claims, secret });
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const salted = await encode({ token: claims, secret, salt: "x" });
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });
});
