import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, sections, signoffRounds, users } from "@/db/schema";
import { loadDemoRefs, seedDemoIfEmpty } from "@/demo/seed-demo";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import { hashPassword } from "@/lib/auth/password";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { agreeAllSections, freshConcept } from "@/test/workflow-helpers";

export const LOAD_PASSWORD = "lasttest-passwort-0123";
export type LoadOrg = "jugendamt" | "diakonie" | "awo";
export type LoadUser = { email: string; org: LoadOrg };
export type EditTarget = { conceptId: string; sectionId: string; ownerOrg: string };
export type RoundTarget = { conceptId: string; roundId: string; contentHash: string };
export type Plan = {
  users: LoadUser[];
  editTargets: EditTarget[];
  rounds: RoundTarget[];
  orgIds: Record<LoadOrg, string>;
};

/**
 * Demo data (as `db:seed:demo`), simulated users in the three organisations that write (the Verwaltung author
 * Jugendamt edits every section, the Träger their own and propose elsewhere), a few concepts in drafting and
 * enough concepts in Mitzeichnung that the signers have open rounds for the whole run.
 */
export async function prepare(
  db: Db,
  options: { users: number; editConcepts: number; signoffConcepts: number },
): Promise<Plan> {
  await seedDemoIfEmpty(db);
  const refs = await loadDemoRefs(db);
  const orgIds = { jugendamt: refs.orgIds.jugendamt, diakonie: refs.orgIds.diakonie, awo: refs.orgIds.awo };
  const hash = await hashPassword(LOAD_PASSWORD);
  const loadUsers: LoadUser[] = [];
  for (let i = 1; i <= options.users; i++) {
    const org: LoadOrg = i % 5 === 0 ? "awo" : i % 5 === 1 ? "diakonie" : "jugendamt";
    const email = `last${String(i).padStart(3, "0")}@lasttest.example`;
    const [row] = await db
      .insert(users)
      .values({ name: `Lasttest ${i}`, email, passwordHash: hash })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: row!.id, organisationId: orgIds[org] });
    loadUsers.push({ email, org });
  }

  const lead = (await loadActor(db, refs.userIds.federfuehrung!)) as Actor;
  const editConceptIds: string[] = [];
  for (let i = 0; i < options.editConcepts; i++)
    editConceptIds.push((await freshConcept(db, `Lasttest Entwurf ${i + 1}`)).conceptId);
  const editTargets: EditTarget[] = [];
  for (const conceptId of editConceptIds) {
    const rows = await db
      .select({ id: sections.id, owner: sections.ownerOrganisationId })
      .from(sections)
      .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
      .orderBy(asc(sections.position));
    for (const row of rows) editTargets.push({ conceptId, sectionId: row.id, ownerOrg: row.owner });
  }

  const rounds: RoundTarget[] = [];
  for (let i = 0; i < options.signoffConcepts; i++) {
    const { conceptId } = await freshConcept(db, `Lasttest Mitzeichnung ${i + 1}`);
    await setRequiredSignoffs(db, lead, { conceptId, organisationIds: Object.values(orgIds) });
    await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
    await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
    await agreeAllSections(db, lead, conceptId);
    await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
    const [round] = await db
      .select()
      .from(signoffRounds)
      .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")));
    rounds.push({ conceptId, roundId: round!.id, contentHash: round!.contentHash });
  }
  return { users: loadUsers, editTargets, rounds, orgIds };
}

export async function currentVersion(db: Db, sectionId: string): Promise<number> {
  const [row] = await db.select({ version: sections.version }).from(sections).where(eq(sections.id, sectionId));
  return row?.version ?? 0;
}
