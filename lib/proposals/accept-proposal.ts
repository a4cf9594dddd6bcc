import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { changeProposals, proposalColumns, sectionRevisions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/load-actor";
import { validateContent } from "@/lib/content/validate-content";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { notify } from "@/lib/notifications/notify";
import { listRevisionsSince, peopleIn } from "@/lib/sections/list-revisions-since";
import { requireSectionEditAccess } from "@/lib/sections/section-access";
import { writeSectionRevision } from "@/lib/sections/write-section-revision";
import { ZAcceptProposal } from "./proposal-schemas";

/**
 * Applies a proposal as a new revision credited to the proposer. When the section changed since the
 * proposal was made, nothing is applied blindly: the editor reconciles in the editor and sends the merged
 * content against the current version (then the Abwägung is "teilweise übernommen" unless identical). When
 * people other than the proposer and the acceptor changed the section meanwhile, their changes could be taken
 * back unseen: the request must carry the version whose changes the acceptor saw (`confirmedVersion`).
 */
export async function acceptProposal(db: Db, actor: Actor, input: unknown): Promise<{ version: number }> {
  const data = parseOrThrow(ZAcceptProposal, input);
  const reconciled = data.content === undefined ? null : validateContent(data.content);
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select(proposalColumns)
      .from(changeProposals)
      .where(eq(changeProposals.id, data.proposalId))
      .limit(1);
    if (!proposal) throw new AppError("NOT_FOUND", "appError.common.notFound");
    const { section } = await requireSectionEditAccess(tx, actor, proposal.conceptId, proposal.sectionId);
    if (proposal.status !== "open") throw new AppError("CONFLICT", "appError.proposal.notOpen");
    if (!reconciled && section.version !== proposal.baseVersion) {
      throw new AppError("SECTION_STALE", "appError.proposal.sectionChangedSince");
    }
    if (section.version !== proposal.baseVersion)
      await assertInterveningChangesConfirmed(
        tx,
        section,
        proposal.baseVersion,
        [proposal.proposerId, actor.id],
        data.confirmedVersion,
      );
    const content = reconciled?.content ?? proposal.content;
    const text = reconciled?.text ?? proposal.contentText;
    const [proposer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, proposal.proposerId));
    const { number } = await writeSectionRevision(tx, actor, {
      section,
      baseVersion: reconciled ? data.baseVersion : proposal.baseVersion,
      content,
      text,
      note: data.note || `Änderungsvorschlag von ${proposer?.name ?? "unbekannt"} übernommen`,
      creditedUserId: proposal.proposerId,
    });
    const [revision] = await tx
      .select({ id: sectionRevisions.id })
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section.id), eq(sectionRevisions.number, number)));
    const full = !reconciled || canonicalJson(reconciled.content) === canonicalJson(proposal.content);
    const [updated] = await tx
      .update(changeProposals)
      .set({
        status: "accepted",
        closedAt: new Date(),
        closedBy: actor.id,
        resultRevisionId: revision!.id,
        decision: proposal.decision ?? (full ? "uebernommen" : "teilweise_uebernommen"),
        decisionReason:
          proposal.decisionReason ??
          (full
            ? "Vorschlag unverändert übernommen."
            : "Vorschlag mit dem zwischenzeitlich geänderten Text abgeglichen und übernommen."),
        decidedBy: proposal.decidedBy ?? actor.id,
        decidedAt: proposal.decidedAt ?? new Date(),
      })
      .where(and(eq(changeProposals.id, proposal.id), eq(changeProposals.status, "open")))
      .returning({ id: changeProposals.id });
    if (!updated) throw new AppError("CONFLICT", "appError.proposal.notOpen");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.accepted",
      objectType: "change_proposal",
      objectId: proposal.id,
      conceptId: proposal.conceptId,
      summary: { revision: number, reconciled: Boolean(reconciled), full },
    });
    await notify(tx, actor.id, [proposal.proposerId], {
      kind: "decision",
      conceptId: proposal.conceptId,
      title: { key: "proposalAcceptedTitle", params: { section: section.title } },
      body: {
        key: "proposalAcceptedBody",
        params: { actor: actor.name, version: number, reconciled: full ? "no" : "yes" },
      },
      link: `/konzepte/${proposal.conceptId}/abschnitte/${proposal.sectionId}/vorschlaege/${proposal.id}`,
      internal: false,
    });
    return { version: number };
  });
}

/**
 * Refuses an accept that would replace changes other people made since the proposal's base, unless the
 * acceptor confirmed them as of the current version; a version confirmed earlier is refused with the new state.
 */
async function assertInterveningChangesConfirmed(
  tx: Tx,
  section: { id: string; version: number },
  baseVersion: number,
  own: string[],
  confirmedVersion: number | undefined,
) {
  const others = peopleIn(await listRevisionsSince(tx, section.id, baseVersion), own);
  if (!others.length || confirmedVersion === section.version) return;
  if (confirmedVersion === undefined)
    throw new AppError("SECTION_STALE", "appError.proposal.overwritesOthers", {
      names: others.map((p) => p.name).join(", "),
      count: others.length,
    });
  throw new AppError("SECTION_STALE", "appError.proposal.changedSinceConfirmed", { version: section.version });
}
