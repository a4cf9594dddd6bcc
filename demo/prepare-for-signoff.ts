import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { conceptParticipants, organisations, requiredSignoffs, sections, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { demoEmail } from "./welcome-points";

/**
 * For end-to-end tests: the demo lead walks a fresh concept through the consultation and agrees every section, so
 * the Mitzeichnung can start. With `unsignableOrganisation`, a new Träger without members takes part and must sign.
 */
export async function prepareForSignoff(db: Db, conceptId: string, unsignableOrganisation: string | null) {
  const [leadUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail("federfuehrung")));
  const lead = (await loadActor(db, leadUser!.id))!;
  await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
  await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
  const rows = await db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  for (const s of rows) {
    await setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "entwurf", to: "zur_abstimmung" });
    await setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "zur_abstimmung", to: "abgestimmt" });
  }
  if (!unsignableOrganisation) return;
  const required = await requiredOrganisations(db, conceptId);
  await db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ name: unsignableOrganisation, shortName: unsignableOrganisation.slice(0, 20), kind: "traeger" })
      .returning({ id: organisations.id });
    await tx.insert(conceptParticipants).values({ conceptId, organisationId: org!.id, role: "contributor" });
    await tx
      .insert(requiredSignoffs)
      .values([...required.map((o) => o.id), org!.id].map((organisationId) => ({ conceptId, organisationId })));
  });
}
