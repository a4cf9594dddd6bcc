import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { sectionSuggestions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { readLiveText, writeLiveText } from "@/lib/collab/follow-revision";
import { collabServer } from "@/lib/collab/live-registry";
import { acceptSuggestion, listSuggestions, rejectSuggestion, withoutSuggestions } from "@/lib/content/suggestions";
import { validateContent } from "@/lib/content/validate-content";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { editRefusalError, loadSectionAccess, type SectionAccess } from "@/lib/sections/section-access";
import { writeSectionRevision } from "@/lib/sections/write-section-revision";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZDecideOrganisationSuggestions, ZDecideSuggestion } from "./suggestion-schemas";

type Decision = "uebernommen" | "teilweise_uebernommen" | "nicht_uebernommen" | "zur_kenntnis_genommen";
type Decided = { decided: number; version: number | null };

/**
 * The section's editors decide one suggestion of the live text (Abwägung): übernommen or teilweise übernommen
 * apply it (a revision is cut that names it; "teilweise" is then edited further in the text), nicht übernommen and
 * zur Kenntnis genommen remove it. Everyone with the section open sees the text change at once.
 */
export async function decideSuggestion(db: Db, actor: Actor, input: unknown): Promise<Decided> {
  const data = parseOrThrow(ZDecideSuggestion, input);
  return db.transaction(async (tx) => {
    // Who may not see the section learns nothing: the answer of an unknown id, before the suggestion is looked up.
    const access = await loadSectionAccess(tx, actor, data.conceptId, data.sectionId, true);
    const rows = await tx
      .select()
      .from(sectionSuggestions)
      .where(and(eq(sectionSuggestions.id, data.suggestionId), eq(sectionSuggestions.sectionId, data.sectionId)));
    if (!rows.length) throw notFound();
    return decideInSection(tx, actor, access, rows, data.decision, data.reason ?? null);
  });
}

/** The same for every open suggestion one organisation made in the section (each recorded on its own). */
export async function decideOrganisationSuggestions(db: Db, actor: Actor, input: unknown): Promise<Decided> {
  const data = parseOrThrow(ZDecideOrganisationSuggestions, input);
  return db.transaction(async (tx) => {
    const access = await loadSectionAccess(tx, actor, data.conceptId, data.sectionId, true);
    const rows = await tx
      .select()
      .from(sectionSuggestions)
      .where(
        and(
          eq(sectionSuggestions.sectionId, data.sectionId),
          eq(sectionSuggestions.authorOrganisationId, data.organisationId),
          eq(sectionSuggestions.status, "open"),
        ),
      );
    return decideInSection(tx, actor, access, rows, data.decision, data.reason ?? null);
  });
}

async function decideInSection(
  tx: Tx,
  actor: Actor,
  access: SectionAccess,
  rows: (typeof sectionSuggestions.$inferSelect)[],
  decision: Decision,
  reason: string | null,
): Promise<Decided> {
  const where = { conceptId: access.concept.id, sectionId: access.section.id };
  if (!can("suggestion.decide", access.subject)) {
    if (access.refusal === "frozen" || access.refusal === "archived")
      throw editRefusalError(access.refusal, access.ownerName);
    throw forbidden("appError.suggestion.decideSectionEditors");
  }
  if (!rows.length || rows.some((r) => r.status !== "open"))
    throw new AppError("CONFLICT", "appError.suggestion.notFound");
  let live = await readLiveText(tx, where.sectionId);
  const inText = new Set(live ? listSuggestions(live).map((s) => s.id) : []);
  if (!live || rows.some((r) => !inText.has(r.id))) throw new AppError("CONFLICT", "appError.suggestion.notFound");
  const apply = decision === "uebernommen" || decision === "teilweise_uebernommen";
  for (const row of rows) live = apply ? acceptSuggestion(live, row.id) : rejectSuggestion(live, row.id);

  let version: number | null = null;
  let revisionId: string | null = null;
  if (apply) {
    const { content, text } = validateContent(withoutSuggestions(live).toJSON());
    const authors = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.authorId))]));
    const names = authors.map((a) => a.name).join(", ");
    const loaded = collabServer()?.loadedDocument(where.sectionId);
    const written = await writeSectionRevision(tx, actor, {
      section: access.section,
      baseVersion: access.section.version,
      content,
      text,
      note:
        rows.length === 1 ? `Vorschlag von ${names} übernommen` : `${rows.length} Vorschläge von ${names} übernommen`,
      creditedUserId: authors.length === 1 ? authors[0]!.id : undefined,
      // Whoever typed in the live text since the last revision is in this one too.
      contributorIds: [...(loaded?.state.contributors ?? [])],
    });
    loaded?.state.contributors.clear();
    version = written.number;
    revisionId = written.id;
  }
  const now = new Date();
  for (const row of rows) {
    const [updated] = await tx
      .update(sectionSuggestions)
      .set({
        status: apply ? "accepted" : "rejected",
        decision,
        decisionReason: reason ?? (apply ? "Vorschlag übernommen." : null),
        decidedBy: actor.id,
        decidedAt: now,
        closedAt: now,
        updatedAt: now,
        resultRevisionId: revisionId,
      })
      .where(and(eq(sectionSuggestions.id, row.id), eq(sectionSuggestions.status, "open")))
      .returning({ id: sectionSuggestions.id });
    if (!updated) throw new AppError("CONFLICT", "appError.suggestion.notFound");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "suggestion.decided",
      objectType: "section_suggestion",
      objectId: row.id,
      conceptId: row.conceptId,
      summary: { sectionId: row.sectionId, after: decision, ...(version ? { revision: version } : {}) },
    });
    await notify(tx, actor.id, [row.authorId], {
      kind: "decision",
      conceptId: row.conceptId,
      title: { key: "suggestionDecisionTitle", params: { section: access.section.title, decision } },
      body: { key: "suggestionDecisionBody", params: { actor: actor.name, reason: reason ?? "–" } },
      link: `/konzepte/${row.conceptId}/synopse`,
      internal: false,
    });
  }
  // Last, so that nothing before it can fail after the live text changed in front of everyone.
  await writeLiveText(tx, where.sectionId, live.toJSON(), version);
  return { decided: rows.length, version };
}
