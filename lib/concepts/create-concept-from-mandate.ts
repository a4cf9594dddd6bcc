import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { conceptParticipants, concepts, consultations, mandateItems, organisations, sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, fieldError, type FieldMessage } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { loadConceptAccess } from "./concept-access";
import type { ConceptFromMandateInput } from "./concept-schemas";
import { findOutlineTemplate } from "./outline-templates";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZConceptFromMandate } from "./concept-schemas";

const EMPTY_DOC = { type: "doc" as const, content: [{ type: "paragraph" }] };
const BAD_OUTLINE = "appError.concept.outlineUnavailable";

/** Section titles and owners for the new concept: from a template (owned by the lead office) or another concept. */
async function outlineFor(
  db: Db,
  actor: Actor,
  input: ConceptFromMandateInput,
): Promise<{ title: string; ownerId: string | null }[]> {
  const outline = input.outline;
  if (outline.kind === "none") return [];
  if (outline.kind === "template") {
    const template = findOutlineTemplate(outline.templateId);
    if (!template) throw new AppError("VALIDATION", BAD_OUTLINE, {}, { outline: BAD_OUTLINE });
    return template.sectionTitles.map((title) => ({ title, ownerId: null }));
  }
  // Copying needs the right to read the other concept's drafts; unknown and foreign answer alike.
  await loadConceptAccess(db, actor, outline.conceptId, { action: "section.read" }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? fieldError("outline", BAD_OUTLINE) : error;
  });
  const rows = await db
    .select({ title: sections.title, ownerId: sections.ownerOrganisationId, ownerActive: organisations.active })
    .from(sections)
    .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
    .where(and(eq(sections.conceptId, outline.conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  return rows.map((r) => ({ title: r.title, ownerId: r.ownerActive ? r.ownerId : null }));
}

async function assertOrganisations(tx: Tx, input: ConceptFromMandateInput) {
  const ids = [input.leadOrganisationId, ...input.consultations.map((c) => c.committeeId)];
  const rows = await tx
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, [...new Set(ids)]), eq(organisations.active, true)));
  const lead = rows.find((r) => r.id === input.leadOrganisationId);
  if (lead?.kind !== "verwaltung") {
    throw new AppError(
      "VALIDATION",
      "appError.concept.leadMustBeAdministration",
      {},
      {
        leadOrganisationId: "appError.concept.leadMustBeAdministration",
      },
    );
  }
  const fieldErrors: Record<string, FieldMessage> = {};
  input.consultations.forEach((c, i) => {
    if (rows.find((r) => r.id === c.committeeId)?.kind !== "gremium")
      fieldErrors[`consultations.${i}.committeeId`] = "appError.concept.committeeInactive";
  });
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "appError.common.checkFields", {}, fieldErrors);
  return { lead, committees: input.consultations.map((c) => rows.find((r) => r.id === c.committeeId)!.name) };
}

/**
 * A new concept from a council mandate, in one transaction: the concept, its mandate items, the
 * Beratungsfolge, the outline (empty sections) and the creator as lead participant, plus the audit event.
 */
export async function createConceptFromMandate(
  db: Db,
  actor: Actor,
  rawInput: unknown,
): Promise<{ conceptId: string }> {
  const input = parseOrThrow(ZConceptFromMandate, rawInput);
  assertCanGlobally(actor, "concept.create");
  const outline = await outlineFor(db, actor, input);
  return db.transaction(async (tx) => {
    const { lead, committees } = await assertOrganisations(tx, input);
    const [concept] = await tx
      .insert(concepts)
      .values({
        title: input.title,
        mandateText: input.mandateText,
        mandateReference: input.mandateReference,
        decisionDate: input.decisionDate,
        deadline: input.deadline,
        leadOrganisationId: lead.id,
        createdBy: actor.id,
      })
      .returning({ id: concepts.id });
    const conceptId = concept!.id;
    await tx.insert(conceptParticipants).values({ conceptId, userId: actor.id, role: "lead" });
    await tx.insert(mandateItems).values(input.mandateItems.map((text, i) => ({ conceptId, position: i + 1, text })));
    await tx.insert(consultations).values(
      input.consultations.map((c, i) => ({
        conceptId,
        position: i + 1,
        committeeId: c.committeeId,
        role: c.role,
        meetingDate: c.meetingDate,
      })),
    );
    if (outline.length) {
      await tx.insert(sections).values(
        outline.map((s, i) => ({
          conceptId,
          position: i + 1,
          title: s.title,
          ownerOrganisationId: s.ownerId ?? lead.id,
          content: EMPTY_DOC,
          contentText: "",
          version: 0,
          updatedBy: actor.id,
        })),
      );
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "concept.created",
      objectType: "concept",
      objectId: conceptId,
      conceptId,
      summary: {
        after: {
          title: input.title,
          reference: input.mandateReference,
          decisionDate: input.decisionDate,
          deadline: input.deadline,
          leadOffice: lead.name,
          mandateItems: input.mandateItems.length,
          beratungsfolge: input.consultations.map((c, i) => ({
            committee: committees[i],
            role: c.role,
            meetingDate: c.meetingDate,
          })),
          sections: outline.length,
        },
        outline:
          input.outline.kind === "none"
            ? "none"
            : input.outline.kind === "template"
              ? `template:${input.outline.templateId}`
              : `concept:${input.outline.conceptId}`,
      },
    });
    return { conceptId };
  });
}
