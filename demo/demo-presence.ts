import "server-only";
import { cache } from "react";
import { count, like } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_USERS, demoEmail } from "./welcome-points";

/**
 * Whether this database holds the demo accounts: pages then show the demo sign-ins and plan against the demo's
 * fixed "today". Deliberately small — it reads one count and imports no part of the seed itself; within one request it is read once (the layout's
 * task list and the page both ask).
 */
export const isDemoDataPresent = cache(async (db: Db): Promise<boolean> => {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`));
  return (row?.n ?? 0) > 0;
});

export type DemoSignIn = { password: string; accounts: { key: string; roleLabel: string; email: string }[] };

/** The demo accounts for the sign-in page, or null on a database without demo data. */
export async function getDemoSignIn(db: Db): Promise<DemoSignIn | null> {
  if (!(await isDemoDataPresent(db))) return null;
  return {
    password: DEMO_PASSWORD,
    accounts: DEMO_USERS.map((u) => ({ key: u.key, roleLabel: u.roleLabel, email: demoEmail(u.key) })),
  };
}
