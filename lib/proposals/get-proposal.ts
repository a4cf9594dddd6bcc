import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { changeProposals, organisations, proposalColumns, sectionRevisions, sections, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { diffText, summariseDiff } from "@/lib/diff/word-diff";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { listRevisionsSince, peopleIn } from "@/lib/sections/list-revisions-since";
import { loadSectionAccess } from "@/lib/sections/section-access";

/** One proposal with its diff against the revision it was based on and, if the section moved on, against the current text. */
export async function getProposal(db: Db, actor: Actor, conceptId: string, sectionId: string, proposalId: string) {
  const access: ConceptAccess = await requireConceptAccess(db, actor, conceptId, "section.read");
  const decider = alias(users, "decider");
  const [row] = await db
    .select({
      p: proposalColumns,
      proposerName: users.name,
      organisationName: organisations.name,
      baseText: sectionRevisions.contentText,
      baseNumber: sectionRevisions.number,
      deciderName: decider.name,
    })
    .from(changeProposals)
    .innerJoin(users, eq(users.id, changeProposals.proposerId))
    .leftJoin(organisations, eq(organisations.id, changeProposals.proposerOrganisationId))
    .innerJoin(sectionRevisions, eq(sectionRevisions.id, changeProposals.baseRevisionId))
    .leftJoin(decider, eq(decider.id, changeProposals.decidedBy))
    .where(
      and(
        eq(changeProposals.id, proposalId),
        eq(changeProposals.conceptId, conceptId),
        eq(changeProposals.sectionId, sectionId),
      ),
    )
    .limit(1);
  if (!row) throw notFound();
  const sectionAccess = await loadSectionAccess(db, actor, conceptId, sectionId);
  const section = sectionAccess.section;
  const stale = section.version !== row.p.baseVersion;
  const parts = diffText(row.baseText, row.p.contentText);
  const currentParts = stale ? diffText(section.contentText, row.p.contentText) : null;
  const since = stale ? await listRevisionsSince(db, section.id, row.p.baseVersion, { diff: true }) : [];
  // Accepting would replace these; the server asks for a confirmation when they are not the proposer's or the reader's.
  const takesBackOthers = peopleIn(since, [row.p.proposerId, actor.id]).length > 0;
  const [result] = row.p.resultRevisionId
    ? await db
        .select({ number: sectionRevisions.number })
        .from(sectionRevisions)
        .where(eq(sectionRevisions.id, row.p.resultRevisionId))
    : [];
  return {
    concept: access.concept,
    section: { id: section.id, title: section.title, version: section.version, ownerName: sectionAccess.ownerName },
    proposal: {
      ...row.p,
      proposerName: row.proposerName,
      organisationName: row.organisationName,
      baseNumber: row.baseNumber,
      deciderName: row.deciderName,
      resultNumber: result?.number ?? null,
    },
    parts,
    summary: summariseDiff(parts),
    stale,
    currentParts,
    intervening: takesBackOthers ? since.map((r) => ({ ...r, people: r.people.map((person) => person.name) })) : null,
    may: {
      decideEdit: row.p.status === "open" && sectionAccess.refusal === null,
      withdraw: row.p.status === "open" && row.p.proposerId === actor.id,
      abwaegung: can("thread.decide", access.subject),
    },
  };
}

/** The proposals of a section, newest first (proposals are never internal). */
export async function listSectionProposals(db: Db, conceptId: string, sectionId: string) {
  return db
    .select({
      id: changeProposals.id,
      status: changeProposals.status,
      reason: changeProposals.reason,
      createdAt: changeProposals.createdAt,
      proposerName: users.name,
      organisationName: organisations.name,
      decision: changeProposals.decision,
    })
    .from(changeProposals)
    .innerJoin(users, eq(users.id, changeProposals.proposerId))
    .leftJoin(organisations, eq(organisations.id, changeProposals.proposerOrganisationId))
    .innerJoin(sections, eq(sections.id, changeProposals.sectionId))
    .where(and(eq(changeProposals.conceptId, conceptId), eq(changeProposals.sectionId, sectionId)))
    .orderBy(asc(changeProposals.status), desc(changeProposals.createdAt));
}

/** What the proposal editor starts from: the section's current text and version, if the actor may propose. */
export async function getSectionForProposing(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "section.read");
  if (!can("proposal.create", access.subject)) throw notFound();
  const sectionAccess = await loadSectionAccess(db, actor, conceptId, sectionId);
  if (sectionAccess.section.archivedAt) throw notFound();
  return { concept: access.concept, section: sectionAccess.section, ownerName: sectionAccess.ownerName };
}
