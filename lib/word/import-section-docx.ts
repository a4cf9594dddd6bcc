import "server-only";
import * as Y from "yjs";
import { z } from "zod";
import type { Db, Tx } from "@/db/connect";
import { sectionLiveDocuments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { readLiveText, writeLiveText } from "@/lib/collab/follow-revision";
import { replaceLiveContent, seedLiveDocument, SERVER_ORIGIN } from "@/lib/collab/live-content";
import { collabServer } from "@/lib/collab/live-registry";
import { newSuggestionId } from "@/lib/content/suggestion-ids";
import {
  hasSuggestions,
  listSuggestions,
  liveNodeFromJson,
  rejectSuggestion,
  withoutSuggestions,
} from "@/lib/content/suggestions";
import { validateLiveContent } from "@/lib/content/validate-content";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { editRefusalError, loadSectionAccess, type SectionAccess } from "@/lib/sections/section-access";
import { writeSectionRevision } from "@/lib/sections/write-section-revision";
import { syncSectionSuggestions } from "@/lib/suggestions/sync-section-suggestions";
import { parseOrThrow } from "@/lib/validation/parse";
import { readDocx, type ReadDocx } from "./read-docx";
import { suggestChanges } from "./suggest-changes";

export const WORD_IMPORT_NOTE = "aus Word übernommen";

const ZImportSectionDocx = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  /** Without: only the preview, nothing is stored. */
  apply: z.boolean().default(false),
  /** The revision the preview was made against (owner): a save in between makes the upload stale. */
  baseVersion: z.coerce.number().int().min(0).optional(),
});

export type WordImportChange = { kind: string; deletedText: string; insertedText: string };
export type WordImportResult = {
  /** revision: the section's editors replace the text; suggestions: everyone else who may suggest. */
  mode: "revision" | "suggestions";
  applied: boolean;
  baseVersion: number;
  changes: WordImportChange[];
  dropped: ReadDocx["dropped"];
  warnings: string[];
  /** The revision written (mode revision, applied). */
  revision?: number;
};

function importMode(access: SectionAccess): "revision" | "suggestions" {
  if (!access.refusal) return "revision";
  if (can("suggestion.create", access.subject)) return "suggestions";
  throw editRefusalError(access.refusal, access.ownerName);
}

/** The live text now (or, never opened, the latest revision), in the live schema. */
async function currentLiveText(tx: Tx, access: SectionAccess) {
  return (await readLiveText(tx, access.section.id)) ?? liveNodeFromJson(access.section.content);
}

const summary = (s: ReturnType<typeof listSuggestions>[number]): WordImportChange => ({
  kind: s.kind,
  deletedText: s.deletedText,
  insertedText: s.insertedText,
});

/**
 * A Word document (.docx) uploaded into a section. Whoever may edit the section replaces its text: one revision
 * "aus Word übernommen" (through writeSectionRevision: audit, live text). Everyone else who may suggest gets their
 * changes against the live text as suggestions in their name (a word diff, one suggestion per contiguous change),
 * with their Abwägung rows. Without `apply` it only says what would change and what the editor cannot hold; the
 * file is read again on `apply`, so nothing is kept in between.
 */
export async function importSectionDocx(
  db: Db,
  actor: Actor,
  raw: { conceptId: unknown; sectionId: unknown; apply?: unknown; baseVersion?: unknown },
  file: Uint8Array,
): Promise<WordImportResult> {
  const input = parseOrThrow(ZImportSectionDocx, raw);
  // Rights first: a file is only read for someone who may bring it in.
  importMode(await loadSectionAccess(db, actor, input.conceptId, input.sectionId));
  const docx = await readDocx(file);
  const imported = liveNodeFromJson(docx.content);

  return db.transaction(async (tx) => {
    const access = await loadSectionAccess(tx, actor, input.conceptId, input.sectionId, true);
    const mode = importMode(access);
    const baseVersion = input.baseVersion ?? access.section.version;
    let live = await currentLiveText(tx, access);
    if (mode === "revision") {
      if (hasSuggestions(live)) throw new AppError("CONFLICT", "appError.suggestion.openInText");
    } else {
      // A new upload replaces the uploader's own earlier suggestions; other people's must be decided first.
      for (const s of listSuggestions(live)) if (s.authorId === actor.id) live = rejectSuggestion(live, s.id);
      if (hasSuggestions(live)) throw new AppError("CONFLICT", "appError.word.othersSuggestions");
    }
    const base = withoutSuggestions(live);
    const suggested = suggestChanges(base, imported, () => newSuggestionId(actor.id));
    const changes = listSuggestions(suggested).map(summary);
    const result: WordImportResult = {
      mode,
      applied: false,
      baseVersion,
      changes,
      dropped: docx.dropped,
      warnings: docx.warnings,
    };
    if (!input.apply) return result;
    if (!changes.length) throw new AppError("VALIDATION", "appError.word.unchanged");

    if (mode === "revision") {
      const { number } = await writeSectionRevision(tx, actor, {
        section: access.section,
        baseVersion,
        content: docx.content,
        text: docx.text,
        note: WORD_IMPORT_NOTE,
      });
      return { ...result, applied: true, revision: number };
    }
    const json = validateLiveContent(suggested.toJSON()).toJSON();
    await syncSectionSuggestions(tx, access.section.id, listSuggestions(suggested));
    // Last: a document open in the live server changes in front of everyone at once.
    await writeSuggestedText(tx, access, json);
    return { ...result, applied: true };
  });
}

/** Into the live text; a section nobody has opened yet gets its live state here, from the latest revision. */
async function writeSuggestedText(tx: Tx, access: SectionAccess, json: unknown) {
  const sectionId = access.section.id;
  if (collabServer()?.loadedDocument(sectionId) || (await readLiveText(tx, sectionId))) {
    await writeLiveText(tx, sectionId, json, null);
    return;
  }
  const doc = seedLiveDocument(access.section.content);
  replaceLiveContent(doc, json, SERVER_ORIGIN);
  await tx.insert(sectionLiveDocuments).values({
    sectionId,
    state: Y.encodeStateAsUpdate(doc),
    baseVersion: access.section.version,
    dirty: false,
    contributorIds: [],
  });
  doc.destroy();
}
