import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepsActiveAdmin, type AdminState } from "./admin-invariant";

const a = (id: string, isAdmin = true, active = true): AdminState => ({ id, isAdmin, active });

describe("the last active admin", () => {
  it("cannot be demoted or deactivated", () => {
    const users = [a("1"), a("2", true, false), a("3", false)];
    expect(keepsActiveAdmin(users, { userId: "1", isAdmin: false })).toBe(false);
    expect(keepsActiveAdmin(users, { userId: "1", active: false })).toBe(false);
  });
  it("can be when another active admin remains", () => {
    const users = [a("1"), a("2")];
    expect(keepsActiveAdmin(users, { userId: "1", isAdmin: false })).toBe(true);
    expect(keepsActiveAdmin(users, { userId: "2", active: false })).toBe(true);
  });
  it("never blocks changes to other people", () => {
    const users = [a("1"), a("3", false)];
    expect(keepsActiveAdmin(users, { userId: "3", active: false })).toBe(true);
    expect(keepsActiveAdmin(users, { userId: "3", isAdmin: true })).toBe(true);
  });
  it("holds for any set of users and any change", () => {
    const state = fc.uniqueArray(
      fc.record({ id: fc.constantFrom("1", "2", "3", "4"), isAdmin: fc.boolean(), active: fc.boolean() }),
      { selector: (u) => u.id },
    );
    const change = fc.record({
      userId: fc.constantFrom("1", "2", "3", "4"),
      isAdmin: fc.option(fc.boolean(), { nil: undefined }),
      active: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(state, change, (users, c) => {
        const after = users.map((u) =>
          u.id === c.userId ? { ...u, isAdmin: c.isAdmin ?? u.isAdmin, active: c.active ?? u.active } : u,
        );
        const had = users.some((u) => u.isAdmin && u.active);
        const has = after.some((u) => u.isAdmin && u.active);
        expect(keepsActiveAdmin(users, c)).toBe(!had || has);
      }),
    );
  });
});
