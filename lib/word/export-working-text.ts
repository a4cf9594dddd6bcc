import "server-only";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { sectionSuggestions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { readLiveText } from "@/lib/collab/follow-revision";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { suggestionAuthorId } from "@/lib/content/suggestion-ids";
import { notFound } from "@/lib/errors";
import { buildExportDocument } from "@/lib/export/build-export-document";
import type { SuggestionAuthors } from "@/lib/export/content-blocks";
import type { ConceptExport } from "@/lib/export/export-concept";
import type { ExportDocument, TiptapDoc } from "@/lib/export/export-document";
import { renderInWorker } from "@/lib/export/render-in-worker";
import { loadCurrentSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { can } from "@/lib/permissions/permissions";
import { parseOrThrow } from "@/lib/validation/parse";

const ZWorkingTextQuery = z.object({ conceptId: z.uuid(), sectionId: z.uuid().optional() });

export const WORKING_TEXT_LABEL = "Arbeitsstand mit Änderungsvorschlägen";

/**
 * The working text as a Word document: every section's live text (or one section's) with its open suggestions as
 * Word tracked changes (w:ins / w:del) in their author's name, dated when the suggestion was made. For whoever may
 * read the drafts (the same people as the DOCX of the current state); anyone else, and unknown ids, get 404.
 */
export async function exportWorkingText(
  db: Db,
  actor: Actor,
  query: { conceptId: unknown; sectionId?: unknown },
): Promise<ConceptExport> {
  const input = parseOrThrow(ZWorkingTextQuery, query);
  const access = await loadConceptAccess(db, actor, input.conceptId);
  if (!access.role || !can("concept.readDrafts", access.subject)) throw notFound();
  const document = await buildExportDocument(db, actor, input.conceptId, "current");
  const entries = await loadCurrentSnapshot(db, input.conceptId);
  const wanted = input.sectionId ? entries.filter((e) => e.sectionId === input.sectionId) : entries;
  if (!wanted.length) throw notFound();

  const live = await db.transaction(async (tx) => {
    const texts = new Map<string, TiptapDoc>();
    for (const entry of wanted) {
      const node = await readLiveText(tx, entry.sectionId);
      if (node) texts.set(entry.sectionId, node.toJSON() as TiptapDoc);
    }
    return texts;
  });
  const ids = [...live.values()].flatMap((doc) => suggestionIdsOf(doc));
  const authors = await suggestionAuthors(db, ids);

  const byNumber = new Map(document.sections.map((s) => [s.number, s]));
  const sections: ExportDocument["sections"] = wanted.flatMap((entry) => {
    const section = byNumber.get(entry.number);
    if (!section) return [];
    const content = live.get(entry.sectionId);
    return [content ? { ...section, content, suggestions: authors } : section];
  });
  const single = input.sectionId ? sections[0] : undefined;
  const body = await renderInWorker("docx", {
    ...document,
    versionLabel: WORKING_TEXT_LABEL,
    sections,
    // One section's download is its text alone, to be edited in Word and uploaded again.
    ...(single ? { bodyOnly: true } : {}),
  });
  return {
    body: new Uint8Array(body),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    fileName: `${document.mandate.reference}-${single ? `Abschnitt-${single.number}-` : ""}Arbeitsstand`,
    extension: "docx",
  };
}

function suggestionIdsOf(doc: TiptapDoc): string[] {
  const ids = new Set<string>();
  const stack: unknown[] = [doc];
  while (stack.length) {
    const node = stack.pop() as { marks?: { type?: string; attrs?: { id?: unknown } }[]; content?: unknown[] };
    for (const mark of node.marks ?? [])
      if (mark.type === "insertion" || mark.type === "deletion") ids.add(String(mark.attrs?.id ?? ""));
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return [...ids];
}

/** Author names from users (by the id's author part), dates from the Abwägung rows (now for a row not yet written). */
async function suggestionAuthors(db: Db, ids: string[]): Promise<SuggestionAuthors> {
  if (!ids.length) return {};
  const summaries = new Map(ids.map((id) => [id, suggestionAuthorId(id)]));
  const userIds = [...new Set([...summaries.values()].filter((v): v is string => v !== null))];
  const [people, rows] = await Promise.all([
    userIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : Promise.resolve([]),
    db
      .select({ id: sectionSuggestions.id, createdAt: sectionSuggestions.createdAt })
      .from(sectionSuggestions)
      .where(inArray(sectionSuggestions.id, ids)),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  // Word's w:date is an xsd:dateTime; whole seconds, as Word writes them.
  const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const dates = new Map(rows.map((r) => [r.id, iso(r.createdAt)]));
  const now = iso(new Date());
  return Object.fromEntries(
    ids.map((id) => {
      const userId = summaries.get(id);
      return [id, { author: (userId && names.get(userId)) || "Unbekannt", date: dates.get(id) ?? now }];
    }),
  );
}
