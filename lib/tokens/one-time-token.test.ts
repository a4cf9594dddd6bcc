import { describe, expect, it } from "vitest";
import { generateToken, hashToken, isWellFormedToken } from "./one-time-token";

describe("one-time tokens", () => {
  it("are random, well-formed and stored only as their SHA-256", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).not.toBe(b.token);
    expect(isWellFormedToken(a.token)).toBe(true);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
  });
  it("rejects anything else", () => {
    for (const bad of ["", "short", `${"a".repeat(43)}=`, "../../etc/passwd", null, 42])
      expect(isWellFormedToken(bad)).toBe(false);
  });
});
