import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, sections, sectionSuggestions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SuggestionSummary } from "@/lib/content/suggestions";
import { leadsOf, membersOf, notify } from "@/lib/notifications/notify";

const MAX_TEXT = 4000;
const cap = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)} …` : text);

/**
 * Keeps the Abwägung's rows in step with the suggestions in a section's live text (called when the live text is
 * stored): a new suggestion gets its row (author and organisation, audit event, the section's owners and the lead
 * told), a changed one its new text, and an open one that left the text without a decision is recorded as
 * withdrawn. Decided rows are never touched.
 */
export async function syncSectionSuggestions(db: Db, sectionId: string, found: SuggestionSummary[]): Promise<void> {
  const valid = found.filter((s): s is SuggestionSummary & { authorId: string } => s.authorId !== null);
  await db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(sectionSuggestions)
      .where(and(eq(sectionSuggestions.sectionId, sectionId), eq(sectionSuggestions.status, "open")));
    const openById = new Map(open.map((row) => [row.id, row]));
    const foundIds = new Set(valid.map((s) => s.id));
    const gone = open.filter((row) => !foundIds.has(row.id)).map((row) => row.id);
    if (gone.length)
      await tx
        .update(sectionSuggestions)
        .set({ status: "withdrawn", closedAt: new Date(), updatedAt: new Date() })
        .where(and(inArray(sectionSuggestions.id, gone), eq(sectionSuggestions.status, "open")));

    const changed = valid.filter((s) => {
      const row = openById.get(s.id);
      return (
        row &&
        (row.kind !== s.kind ||
          row.deletedText !== cap(s.deletedText) ||
          row.insertedText !== cap(s.insertedText) ||
          row.context !== cap(s.context))
      );
    });
    for (const s of changed)
      await tx
        .update(sectionSuggestions)
        .set({
          kind: s.kind,
          deletedText: cap(s.deletedText),
          insertedText: cap(s.insertedText),
          context: cap(s.context),
          updatedAt: new Date(),
        })
        .where(and(eq(sectionSuggestions.id, s.id), eq(sectionSuggestions.status, "open")));

    const candidates = valid.filter((s) => !openById.has(s.id));
    if (!candidates.length) return;
    // A row that was decided or withdrawn keeps its record; the same id in the text again is not a new suggestion.
    const known = new Set(
      (
        await tx
          .select({ id: sectionSuggestions.id })
          .from(sectionSuggestions)
          .where(
            inArray(
              sectionSuggestions.id,
              candidates.map((s) => s.id),
            ),
          )
      ).map((r) => r.id),
    );
    const fresh = candidates.filter((s) => !known.has(s.id));
    if (!fresh.length) return;
    const [section] = await tx
      .select({ conceptId: sections.conceptId, title: sections.title, owner: sections.ownerOrganisationId })
      .from(sections)
      .where(eq(sections.id, sectionId));
    if (!section) return;
    const authorIds = [...new Set(fresh.map((s) => s.authorId))];
    const people = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const orgRows = await tx
      .select({ userId: memberships.userId, organisationId: memberships.organisationId })
      .from(memberships)
      .where(inArray(memberships.userId, authorIds))
      .orderBy(asc(memberships.createdAt));
    const organisationOf = new Map<string, string>();
    for (const r of orgRows) if (!organisationOf.has(r.userId)) organisationOf.set(r.userId, r.organisationId);

    const rows = fresh
      .filter((s) => names.has(s.authorId))
      .map((s) => ({
        id: s.id,
        conceptId: section.conceptId,
        sectionId,
        authorId: s.authorId,
        authorOrganisationId: organisationOf.get(s.authorId) ?? null,
        kind: s.kind,
        deletedText: cap(s.deletedText),
        insertedText: cap(s.insertedText),
        context: cap(s.context),
      }));
    if (!rows.length) return;
    await tx.insert(sectionSuggestions).values(rows).onConflictDoNothing();
    const owners = await membersOf(tx, [section.owner]);
    const leads = (await leadsOf(tx, section.conceptId)).filter((id) => !owners.includes(id));
    for (const row of rows) {
      await recordAuditEvent(tx, {
        actorId: row.authorId,
        actorOrganisationId: row.authorOrganisationId,
        action: "suggestion.created",
        objectType: "section_suggestion",
        objectId: row.id,
        conceptId: section.conceptId,
        summary: { sectionId, kind: row.kind },
      });
      const notice = {
        conceptId: section.conceptId,
        title: { key: "suggestionTitle", params: { section: section.title } },
        body: { key: "suggestionBody", params: { actor: names.get(row.authorId) ?? "" } },
        link: `/konzepte/${section.conceptId}/abschnitte/${sectionId}/bearbeiten`,
        internal: false,
      } as const;
      await notify(tx, row.authorId, owners, { kind: "section_activity", ...notice });
      await notify(tx, row.authorId, leads, { kind: "lead_activity", ...notice });
    }
  });
}
