import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { renderPdf } from "@/lib/export/render-pdf";
import type { ExportDocument } from "@/lib/export/export-document";
import { takeReadingRoomSnapshot } from "@/lib/workflow/reading-room-snapshot";
import type { Tx } from "@/db/connect";
import {
  concepts,
  consultations,
  fassungSections,
  fassungen,
  mandateItems,
  organisations,
  sectionRevisions,
  sections,
  storedFiles,
  vorlagen,
} from "@/db/schema";

export type SubmitOptions = {
  reference?: string;
  paperType?: "informationsvorlage" | "beschlussvorlage";
  paperDate?: string;
  /** Default eingereicht; "freigegeben" leaves a prepared, not yet submitted Vorlage (tests of what stays unpublished). */
  status?: "freigegeben" | "eingereicht" | "beraten" | "abgeschlossen";
};

export type SubmittedVorlage = {
  vorlageId: string;
  fileId: string;
  fassungId: string;
  reference: string;
  sha512: string;
  size: number;
};

/**
 * Tests and e2e only — the real submission is the workflow's job: freezes the current sections as an
 * "Einreichungsfassung", renders its PDF, stores it, writes the Vorlage and sets the concept to eingereicht.
 */
export async function seedSubmittedVorlage(
  tx: Tx,
  conceptId: string,
  options: SubmitOptions = {},
): Promise<SubmittedVorlage> {
  const [concept] = await tx
    .select({ concept: concepts, leadName: organisations.name })
    .from(concepts)
    .innerJoin(organisations, eq(organisations.id, concepts.leadOrganisationId))
    .where(eq(concepts.id, conceptId));
  if (!concept) throw new Error(`concept ${conceptId} missing`);
  const sectionRows = await tx
    .select({
      id: sections.id,
      title: sections.title,
      content: sections.content,
      ownerId: sections.ownerOrganisationId,
      owner: organisations.name,
      version: sections.version,
      position: sections.position,
    })
    .from(sections)
    .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  const revisions = await tx
    .select({ id: sectionRevisions.id, sectionId: sectionRevisions.sectionId, number: sectionRevisions.number })
    .from(sectionRevisions)
    .innerJoin(sections, eq(sections.id, sectionRevisions.sectionId))
    .where(eq(sections.conceptId, conceptId));
  const folge = await tx
    .select({ committee: organisations.name, role: consultations.role, meetingDate: consultations.meetingDate })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(asc(consultations.position));
  const items = await tx
    .select({ text: mandateItems.text })
    .from(mandateItems)
    .where(eq(mandateItems.conceptId, conceptId))
    .orderBy(asc(mandateItems.position));

  const reference = options.reference ?? `AGS/${String(Math.floor(Math.random() * 900_000) + 100_000)}/2022`;
  const paperType = options.paperType ?? "informationsvorlage";
  const paperDate = options.paperDate ?? "2022-05-17";
  const c = concept.concept;
  const parts = {
    decisionProposal: paperType === "beschlussvorlage" ? `Das Konzept „${c.title}“ wird beschlossen.` : undefined,
    financialImpact:
      "Im Konzept dargestellt (Abschnitt Finanzierung); über die Mittel entscheidet der Rat im Haushalt.",
    reasoning: `Der Rat hat mit dem Auftrag ${c.mandateReference} ein Konzept angefordert; es liegt in der eingereichten Fassung vor.`,
  };

  const [fassung] = await tx
    .insert(fassungen)
    .values({ conceptId, name: `Einreichungsfassung ${reference}`, createdBy: c.createdBy })
    .returning({ id: fassungen.id });
  if (sectionRows.length) {
    await tx.insert(fassungSections).values(
      sectionRows.map((s) => ({
        fassungId: fassung!.id,
        sectionId: s.id,
        revisionId: revisions.find((r) => r.sectionId === s.id && r.number === s.version)?.id ?? null,
        position: s.position,
        title: s.title,
        ownerOrganisationId: s.ownerId,
      })),
    );
  }

  const document: ExportDocument = {
    title: c.title,
    versionLabel: "Einreichungsfassung",
    generatedAt: new Date().toISOString(),
    leadOrganisation: concept.leadName,
    mandate: {
      reference: c.mandateReference,
      decisionDate: c.decisionDate,
      deadline: c.deadline,
      text: c.mandateText,
      items: items.map((i) => i.text),
    },
    consultations: folge,
    vorlage: {
      type: paperType === "beschlussvorlage" ? "Beschlussvorlage" : "Informationsvorlage",
      reference,
      date: paperDate,
      ...parts,
    },
    sections: sectionRows.map((s, i) => ({ number: i + 1, title: s.title, owner: s.owner, content: s.content })),
  };
  const pdf = await renderPdf(document);
  const sha512 = createHash("sha512").update(pdf).digest("hex");
  const [file] = await tx
    .insert(storedFiles)
    .values({
      conceptId,
      fileName: `Vorlage-${reference.replace(/[^A-Za-z0-9._-]+/g, "-")}.pdf`,
      mimeType: "application/pdf",
      size: pdf.length,
      sha512,
      content: pdf,
    })
    .returning({ id: storedFiles.id });
  const [vorlage] = await tx
    .insert(vorlagen)
    .values({
      conceptId,
      fassungId: fassung!.id,
      paperType,
      reference,
      paperDate,
      decisionProposal: parts.decisionProposal ?? null,
      financialImpact: parts.financialImpact,
      reasoning: parts.reasoning,
      fileId: file!.id,
      submittedBy: c.createdBy,
      readingRoomSnapshot: await takeReadingRoomSnapshot(tx, conceptId, fassung!.id),
    })
    .returning({ id: vorlagen.id });
  await tx
    .update(concepts)
    .set({ status: options.status ?? "eingereicht", updatedAt: new Date() })
    .where(eq(concepts.id, conceptId));
  return { vorlageId: vorlage!.id, fileId: file!.id, fassungId: fassung!.id, reference, sha512, size: pdf.length };
}

/** Tests only: the Vorlage is referred back (zurückverwiesen); the concept is a draft again. */
export async function seedWithdrawnVorlage(tx: Tx, conceptId: string): Promise<void> {
  await tx
    .update(vorlagen)
    .set({ withdrawnAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(vorlagen.conceptId, conceptId));
  await tx.update(concepts).set({ status: "ueberarbeitung", updatedAt: new Date() }).where(eq(concepts.id, conceptId));
}
