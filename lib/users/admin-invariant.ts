/** "The last active admin can't be removed": pure, so it is unit-tested; services apply it under a lock. */
export type AdminState = { id: string; isAdmin: boolean; active: boolean };
export type AdminChange = { userId: string; isAdmin?: boolean; active?: boolean };

const isActiveAdmin = (u: AdminState) => u.isAdmin && u.active;

/** False when the change would leave an installation that had an active admin without one. */
export function keepsActiveAdmin(users: readonly AdminState[], change: AdminChange): boolean {
  if (!users.some(isActiveAdmin)) return true;
  const after = users.map((u) =>
    u.id === change.userId ? { ...u, isAdmin: change.isAdmin ?? u.isAdmin, active: change.active ?? u.active } : u,
  );
  return after.some(isActiveAdmin);
}

export const LAST_ADMIN_MESSAGE = "appError.user.lastAdmin";
