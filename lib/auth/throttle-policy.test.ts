import { describe, expect, it } from "vitest";
import { MAX_LOCK_MS, lockDurationMs, throttleKeys } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("allows a few failures, then doubles the delay up to a cap", () => {
    expect(lockDurationMs(4, 5)).toBe(0);
    expect(lockDurationMs(5, 5)).toBe(1000);
    expect(lockDurationMs(6, 5)).toBe(2000);
    expect(lockDurationMs(9, 5)).toBe(16000);
    expect(lockDurationMs(100, 5)).toBe(MAX_LOCK_MS);
  });
  it("keys by normalised e-mail and by IP", () => {
    expect(throttleKeys(" Foo@Example.ORG ", "10.0.0.1").map((k) => k.key)).toEqual([
      "email:foo@example.org",
      "ip:10.0.0.1",
    ]);
    expect(throttleKeys("a@b.c", null)).toHaveLength(1);
  });
});
