import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sectionPresence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { editRefusalError, loadSectionAccess } from "./section-access";
import { othersEditingSection, type PresentPerson } from "./section-presence";

/**
 * The editor's heartbeat: "I still have this section open for editing". Only people who may edit it
 * count as present. Returns who else is there. Not audited: presence is ephemeral, not a change.
 */
export async function recordSectionPresence(
  db: Db,
  actor: Actor,
  input: { conceptId: string; sectionId: string },
): Promise<PresentPerson[]> {
  const access = await loadSectionAccess(db, actor, input.conceptId, input.sectionId);
  if (access.refusal) throw editRefusalError(access.refusal, access.ownerName);
  await db
    .insert(sectionPresence)
    .values({ sectionId: input.sectionId, userId: actor.id, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({
      target: [sectionPresence.sectionId, sectionPresence.userId],
      set: { lastSeenAt: sql`now()` },
    });
  return othersEditingSection(db, actor, input.sectionId);
}

/** Leaving the editor: the person disappears at once instead of after the 30 s window. */
export async function leaveSectionPresence(
  db: Db,
  actor: Actor,
  input: { conceptId: string; sectionId: string },
): Promise<void> {
  await loadSectionAccess(db, actor, input.conceptId, input.sectionId);
  await db
    .delete(sectionPresence)
    .where(and(eq(sectionPresence.sectionId, input.sectionId), eq(sectionPresence.userId, actor.id)));
}
