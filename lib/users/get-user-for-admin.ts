import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, oneTimeTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";

export async function getUserForAdmin(db: Db, actor: Actor, userId: string, now = new Date()) {
  assertCanGlobally(actor, "admin.users");
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      isAdmin: users.isAdmin,
      canCreateConcepts: users.canCreateConcepts,
      passwordHash: users.passwordHash,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw notFound();
  const [orgs, [openLink]] = await Promise.all([
    db.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, userId)),
    db
      .select({ purpose: oneTimeTokens.purpose, expiresAt: oneTimeTokens.expiresAt })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
      .orderBy(desc(oneTimeTokens.createdAt))
      .limit(1),
  ]);
  const { passwordHash, ...rest } = user;
  return {
    user: { ...rest, hasPassword: passwordHash !== null, isSelf: user.id === actor.id },
    organisationIds: orgs.map((o) => o.id),
    openLink: openLink ?? null,
  };
}
