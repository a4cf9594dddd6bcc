import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { fassungen, organisations, signoffRounds, signoffs, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { can, signoffOrganisations } from "@/lib/permissions/permissions";
import { organisationsWithoutSigner } from "@/lib/permissions/signers";
import { requiredOrganisations, signoffCandidates } from "./gather-workflow-facts";
import type { SignoffDecision } from "./sign-off";

export type SignoffEntry = {
  organisationId: string;
  organisationName: string;
  userName: string;
  /** Signed by a named deputy (Vertretung) for the organisation. */
  asDeputy: boolean;
  decision: SignoffDecision;
  remarks: string | null;
  contentHash: string;
  createdAt: Date;
};
export type RoundView = {
  id: string;
  number: number;
  status: "open" | "voided" | "completed";
  contentHash: string;
  fassungId: string;
  fassungName: string;
  startedAt: Date;
  closedAt: Date | null;
  voidReason: string | null;
  signoffs: SignoffEntry[];
};

/** Everything the Mitzeichnung page shows: who must sign, the rounds with their sign-offs, what this actor may do. */
export async function getSignoffOverview(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const status = access.subject.status;
  const [required, candidates, rounds] = await Promise.all([
    requiredOrganisations(db, conceptId),
    signoffCandidates(db, conceptId),
    db
      .select({ round: signoffRounds, fassungName: fassungen.name })
      .from(signoffRounds)
      .innerJoin(fassungen, eq(fassungen.id, signoffRounds.fassungId))
      .where(eq(signoffRounds.conceptId, conceptId))
      .orderBy(desc(signoffRounds.number)),
  ]);
  const entries = rounds.length
    ? await db
        .select({
          roundId: signoffs.roundId,
          organisationId: signoffs.organisationId,
          organisationName: organisations.name,
          userName: users.name,
          asDeputy: signoffs.asDeputy,
          decision: signoffs.decision,
          remarks: signoffs.remarks,
          contentHash: signoffs.contentHash,
          createdAt: signoffs.createdAt,
        })
        .from(signoffs)
        .innerJoin(organisations, eq(organisations.id, signoffs.organisationId))
        .innerJoin(users, eq(users.id, signoffs.userId))
        .where(
          and(
            inArray(
              signoffs.roundId,
              rounds.map((r) => r.round.id),
            ),
          ),
        )
    : [];
  const views: RoundView[] = rounds.map(({ round, fassungName }) => ({
    id: round.id,
    number: round.number,
    status: round.status,
    contentHash: round.contentHash,
    fassungId: round.fassungId,
    fassungName,
    startedAt: round.startedAt,
    closedAt: round.closedAt,
    voidReason: round.voidReason,
    signoffs: entries.filter((e) => e.roundId === round.id),
  }));
  const withoutSigner = await organisationsWithoutSigner(
    db,
    required.map((o) => o.id),
  );
  const openRound = views.find((r) => r.status === "open") ?? null;
  const signable = signoffOrganisations(actor, required).filter(
    (o) => !openRound?.signoffs.some((s) => s.organisationId === o.id),
  );
  return {
    status,
    title: access.concept.title,
    required,
    /** Required organisations nobody may sign off for right now (flagged on the page, refused at the start). */
    withoutSigner,
    candidates,
    mayEditRequired: can("signoff.setRequired", access.subject),
    /** The lead's view: the outline tab, and why the required organisations cannot change now. */
    mayManage: can("concept.manage", access.subject),
    openRound,
    /** The latest round that is not open: completed (released) or the last voided one. */
    currentOrLast: openRound ?? views[0] ?? null,
    history: views.filter((r) => r !== openRound),
    signableOrganisations: openRound ? signable.map((o) => ({ id: o.id, name: o.name })) : [],
  };
}
