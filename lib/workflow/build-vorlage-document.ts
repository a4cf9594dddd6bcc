import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { consultations, mandateItems, organisations, signoffRounds, signoffs, users, type concepts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ExportDocument } from "@/lib/export/export-document";
import { loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { toSynopseRows } from "@/lib/synopse/list-synopse";
import type { ReadingRoomSnapshot } from "./reading-room-snapshot";

type Concept = typeof concepts.$inferSelect;

/** The released Fassung: the one of the latest completed Mitzeichnung round. */
export async function findReleasedRound(db: Db | Tx, conceptId: string) {
  const [round] = await db
    .select()
    .from(signoffRounds)
    .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "completed")))
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  return round ?? null;
}

/**
 * The ExportDocument of a Vorlage: the released Fassung's sections, its sign-offs and the Synopse as the
 * committees may see it — internal ("nur Verwaltung") threads are left out whoever builds it.
 */
export async function buildVorlageDocument(
  tx: Tx,
  concept: Concept,
  vorlage: {
    paperType: "informationsvorlage" | "beschlussvorlage";
    reference: string;
    paperDate: string;
    decisionProposal: string | null;
    financialImpact: string;
    reasoning: string;
  },
  snapshot: ReadingRoomSnapshot,
): Promise<{ document: ExportDocument; fassungId: string }> {
  const round = await findReleasedRound(tx, concept.id);
  if (!round) throw new AppError("CONFLICT", "appError.vorlage.noReleasedFassung");
  const db = tx as unknown as Db;
  const [fassung, lead, items, folge, signed] = await Promise.all([
    loadFassungSnapshot(db, concept.id, round.fassungId),
    tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, concept.leadOrganisationId)),
    tx
      .select({ text: mandateItems.text })
      .from(mandateItems)
      .where(eq(mandateItems.conceptId, concept.id))
      .orderBy(asc(mandateItems.position)),
    tx
      .select({ committee: organisations.name, role: consultations.role, meetingDate: consultations.meetingDate })
      .from(consultations)
      .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
      .where(eq(consultations.conceptId, concept.id))
      .orderBy(asc(consultations.position)),
    tx
      .select({
        organisation: organisations.name,
        decision: signoffs.decision,
        by: users.name,
        at: signoffs.createdAt,
        remarks: signoffs.remarks,
      })
      .from(signoffs)
      .innerJoin(organisations, eq(organisations.id, signoffs.organisationId))
      .innerJoin(users, eq(users.id, signoffs.userId))
      .where(eq(signoffs.roundId, round.id))
      .orderBy(asc(organisations.name)),
  ]);
  const document: ExportDocument = {
    title: concept.title,
    versionLabel: fassung.fassung.name,
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
    vorlage: {
      type: vorlage.paperType === "beschlussvorlage" ? "Beschlussvorlage" : "Informationsvorlage",
      reference: vorlage.reference,
      date: vorlage.paperDate,
      decisionProposal: vorlage.decisionProposal ?? undefined,
      financialImpact: vorlage.financialImpact,
      reasoning: vorlage.reasoning,
    },
    sections: fassung.entries.map((e) => ({
      number: e.number,
      title: e.title,
      owner: e.ownerName,
      content: e.content ?? { type: "doc", content: [] },
    })),
    signoffs: signed.map((s) => ({
      organisation: s.organisation,
      status: s.decision,
      by: s.by,
      at: s.at.toISOString(),
      remarks: s.remarks ?? undefined,
    })),
    contentHash: round.contentHash,
    synopse: toSynopseRows(snapshot.synopse),
  };
  return { document, fassungId: round.fassungId };
}
