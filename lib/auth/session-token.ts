import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

/**
 * Reads a session cookie as next-auth's `decode` does (JWE, "dir" + A256GCM, a key derived from the secret with
 * HKDF-SHA256, 15 s clock tolerance), but keeps the derived key instead of deriving it again for every request:
 * every signed-in page request reads the cookie twice (proxy and page). Pass it as `decode` to next-auth's
 * `getToken`. Throws on a token that is not valid, as next-auth's does (getToken turns that into "no session").
 */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(String(secret), salt), { clockTolerance: 15 });
  return payload as JWT;
}

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    // One secret in practice; changing secrets (tests) must not grow the map without bound.
    if (keys.size > 4) keys.clear();
    keys.set(id, key);
  }
  return key;
}
