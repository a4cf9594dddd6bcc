import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { changeProposals, sectionRevisions } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { takeContributionToken } from "@/lib/comments/contribution-rate-limit";
import { actorOrganisationFor, requireSectionInConcept } from "@/lib/comments/thread-access";
import { validateContent } from "@/lib/content/validate-content";
import { AppError, forbidden } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { leadsOf, membersOf, notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { ZCreateProposal } from "./proposal-schemas";

/** A Träger (or anyone who may comment) proposes replacement text for a section, based on its current revision. */
export async function createProposal(db: Db, actor: Actor, input: unknown): Promise<{ proposalId: string }> {
  const data = parseOrThrow(ZCreateProposal, input);
  const access = await requireConceptAccess(db, actor, data.conceptId, "section.read");
  if (!can("proposal.create", access.subject)) throw forbidden("appError.proposal.closed");
  const { content, text } = validateContent(data.content);
  return db.transaction(async (tx) => {
    await takeContributionToken(tx, actor.id);
    const section = await requireSectionInConcept(tx, data.conceptId, data.sectionId);
    if (section.version !== data.baseVersion) {
      throw new AppError("SECTION_STALE", "appError.proposal.sectionStale");
    }
    if (canonicalJson(section.content) === canonicalJson(content)) {
      throw new AppError(
        "VALIDATION",
        "appError.proposal.unchanged",
        {},
        {
          content: "appError.proposal.unchanged",
        },
      );
    }
    const [base] = await tx
      .select({ id: sectionRevisions.id })
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section.id), eq(sectionRevisions.number, section.version)));
    if (!base) throw new AppError("CONFLICT", "appError.proposal.noText");
    const organisationId = actorOrganisationFor(actor);
    const [proposal] = await tx
      .insert(changeProposals)
      .values({
        conceptId: data.conceptId,
        sectionId: section.id,
        baseRevisionId: base.id,
        baseVersion: section.version,
        content,
        contentText: text,
        reason: data.reason,
        proposerId: actor.id,
        proposerOrganisationId: organisationId,
      })
      .returning({ id: changeProposals.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      actorOrganisationId: organisationId,
      action: "proposal.created",
      objectType: "change_proposal",
      objectId: proposal!.id,
      conceptId: data.conceptId,
      summary: { sectionId: section.id, baseVersion: section.version },
    });
    const owners = await membersOf(tx, [section.ownerOrganisationId]);
    const notice = {
      conceptId: data.conceptId,
      title: { key: "proposalTitle", params: { section: section.title } },
      body: { key: "byline", params: { actor: actor.name, text: data.reason.slice(0, 280) } },
      link: `/konzepte/${data.conceptId}/abschnitte/${section.id}/vorschlaege/${proposal!.id}`,
      internal: false,
    } as const;
    await notify(tx, actor.id, owners, { kind: "section_activity", ...notice });
    // The lead weighs every proposal (Abwägung), also on sections other organisations own.
    const leads = (await leadsOf(tx, data.conceptId)).filter((id) => !owners.includes(id));
    await notify(tx, actor.id, leads, { kind: "lead_activity", ...notice });
    return { proposalId: proposal!.id };
  });
}
