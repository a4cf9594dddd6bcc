import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { comments, commentThreads, sections } from "@/db/schema";
import { loadDemoRefs } from "./seed-demo";

const DECISIONS = ["uebernommen", "teilweise_uebernommen", "nicht_uebernommen", "zur_kenntnis_genommen"] as const;

/**
 * Tests and e2e only: `count` comment threads of the Träger (Diakonie and AWO in turn) on the concept's live
 * sections — or only on the one titled `onSectionTitle` — a minute apart, each with its first comment
 * „Hinweis N“; every third one decided. A long Synopse or discussion without clicking through it.
 */
export async function seedThreads(
  tx: Tx,
  conceptId: string,
  count: number,
  onSectionTitle?: string,
): Promise<string[]> {
  const { orgIds, userIds } = await loadDemoRefs(tx);
  const live = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(
      and(
        eq(sections.conceptId, conceptId),
        isNull(sections.archivedAt),
        onSectionTitle === undefined ? undefined : eq(sections.title, onSectionTitle),
      ),
    )
    .orderBy(asc(sections.position));
  if (!live.length || count <= 0) return [];
  const start = Date.now() - count * 60_000;
  const authors = [
    { user: userIds.diakonie!, org: orgIds.diakonie },
    { user: userIds.awo!, org: orgIds.awo },
  ];
  const threads = Array.from({ length: count }, (_, i) => {
    const by = authors[i % authors.length]!;
    const decided = i % 3 === 0;
    return {
      id: randomUUID(),
      conceptId,
      sectionId: live[i % live.length]!.id,
      createdBy: by.user,
      createdByOrganisationId: by.org,
      createdAt: new Date(start + i * 60_000),
      decision: decided ? DECISIONS[i % DECISIONS.length]! : null,
      decisionReason: decided ? `Begründung ${i + 1}` : null,
      decidedBy: decided ? userIds.federfuehrung! : null,
      decidedAt: decided ? new Date(start + i * 60_000 + 1000) : null,
    };
  });
  for (let i = 0; i < threads.length; i += 500) {
    const batch = threads.slice(i, i + 500);
    await tx.insert(commentThreads).values(batch);
    await tx.insert(comments).values(
      batch.map((t, k) => ({
        threadId: t.id,
        authorId: t.createdBy,
        organisationId: t.createdByOrganisationId,
        body: `Hinweis ${i + k + 1}`,
        createdAt: t.createdAt,
      })),
    );
  }
  return threads.map((t) => t.id);
}
