import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { consultations, mandateItems, organisations, signoffRounds, signoffs, users, vorlagen } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, notFound } from "@/lib/errors";
import { loadCurrentSnapshot, loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { can, SUBMITTED_STATUSES } from "@/lib/permissions/permissions";
import { loadSynopseEntries } from "@/lib/synopse/load-synopse-entries";
import { toSynopseRows } from "@/lib/synopse/list-synopse";
import type { ExportDocument } from "./export-document";

export const ZExportQuery = z.object({
  format: z.enum(["pdf", "docx", "md", "json"], "appError.export.unknownFormat"),
  version: z
    .union([z.literal("current"), z.uuid("appError.common.unknownFassung")], "appError.common.unknownFassung")
    .default("current"),
});

/**
 * The document an export renders, for what the actor may see: participants export the current state or
 * any Fassung (the Synopse without internal threads unless they are Verwaltung); committee members only
 * the Fassung submitted to them. Unknown or foreign versions are "not found".
 */
export async function buildExportDocument(
  db: Db,
  actor: Actor,
  conceptId: string,
  version: "current" | string,
): Promise<ExportDocument> {
  const access = await loadConceptAccess(db, actor, conceptId);
  if (!access.role) throw notFound();
  const { concept } = access;
  const [vorlage] = await db
    .select()
    .from(vorlagen)
    .where(and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt)))
    .limit(1);
  let fassungId: string | null = version === "current" ? null : version;
  if (!can("concept.readDrafts", access.subject)) {
    // Committee members: only the submitted Fassung, whatever they ask for.
    if (access.role !== "committee" || !SUBMITTED_STATUSES.has(access.subject.status) || !vorlage) throw notFound();
    if (fassungId !== null && fassungId !== vorlage.fassungId) throw notFound();
    fassungId = vorlage.fassungId;
  }
  const includeInternal = can("comment.readInternal", access.subject);
  const [snapshot, lead, items, folge, synopse] = await Promise.all([
    fassungId
      ? loadFassungSnapshot(db, conceptId, fassungId)
      : loadCurrentSnapshot(db, conceptId).then((entries) => ({ fassung: null, entries })),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, concept.leadOrganisationId)),
    db
      .select({ text: mandateItems.text })
      .from(mandateItems)
      .where(eq(mandateItems.conceptId, conceptId))
      .orderBy(asc(mandateItems.position)),
    db
      .select({ committee: organisations.name, role: consultations.role, meetingDate: consultations.meetingDate })
      .from(consultations)
      .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(asc(consultations.position)),
    loadSynopseEntries(db, conceptId, includeInternal),
  ]);
  const round = fassungId
    ? (
        await db
          .select()
          .from(signoffRounds)
          .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.fassungId, fassungId)))
          .limit(1)
      )[0]
    : undefined;
  const signed = round
    ? await db
        .select({
          organisation: organisations.name,
          decision: signoffs.decision,
          by: users.name,
          asDeputy: signoffs.asDeputy,
          at: signoffs.createdAt,
          remarks: signoffs.remarks,
        })
        .from(signoffs)
        .innerJoin(organisations, eq(organisations.id, signoffs.organisationId))
        .innerJoin(users, eq(users.id, signoffs.userId))
        .where(eq(signoffs.roundId, round.id))
        .orderBy(asc(organisations.name))
    : [];
  if (!snapshot.entries.length && !fassungId) throw new AppError("VALIDATION", "appError.export.noSections");
  const submitted = vorlage && vorlage.fassungId === fassungId;
  return {
    title: concept.title,
    versionLabel: snapshot.fassung?.name ?? "Aktueller Stand",
    generatedAt: new Date().toISOString(),
    leadOrganisation: lead[0]?.name ?? "",
    mandate: {
      reference: concept.mandateReference,
      decisionDate: concept.decisionDate,
      deadline: concept.deadline,
      text: concept.mandateText,
      items: items.map((i) => i.text),
    },
    consultations: folge,
    ...(submitted
      ? {
          vorlage: {
            type: vorlage.paperType === "beschlussvorlage" ? "Beschlussvorlage" : "Informationsvorlage",
            reference: vorlage.reference,
            date: vorlage.paperDate,
          },
        }
      : {}),
    sections: snapshot.entries.map((e) => ({
      number: e.number,
      title: e.title,
      owner: e.ownerName,
      content: e.content ?? { type: "doc", content: [] },
    })),
    ...(round
      ? {
          signoffs: signed.map((s) => ({
            organisation: s.organisation,
            status: s.decision,
            // The sign-off page of the PDF says who signed for whom (Vertretung).
            by: s.asDeputy ? `${s.by} (in Vertretung für ${s.organisation})` : s.by,
            at: s.at.toISOString(),
            remarks: s.remarks ?? undefined,
          })),
          contentHash: round.contentHash,
        }
      : {}),
    synopse: toSynopseRows(synopse),
  };
}
