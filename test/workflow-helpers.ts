import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { loadDemoRefs, seedWelcomePointsConcept } from "@/demo/seed-demo";
import type { Actor } from "@/lib/auth/load-actor";
import { setSectionStatus } from "@/lib/workflow/set-section-status";

export async function freshConcept(db: Db, title = `Test ${Math.random().toString(36).slice(2, 8)}`) {
  return db.transaction(async (tx) => seedWelcomePointsConcept(tx, await loadDemoRefs(tx), title));
}

/** The lead agrees every live section (Entwurf → Zur Abstimmung → Abgestimmt). */
export async function agreeAllSections(db: Db, lead: Actor, conceptId: string) {
  const rows = await db
    .select()
    .from(sections)
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  for (const s of rows) {
    if (s.status === "entwurf")
      await setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "entwurf", to: "zur_abstimmung" });
    if (s.status !== "abgestimmt")
      await setSectionStatus(db, lead, { conceptId, sectionId: s.id, from: "zur_abstimmung", to: "abgestimmt" });
  }
  return rows;
}

export const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
