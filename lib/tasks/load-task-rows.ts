import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { jsonColumn, queryRows, uuidList } from "@/db/query-rows";
import { signoffRounds, signoffs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, signoffOrganisations, type ConceptRole, type ConceptStatus } from "@/lib/permissions/permissions";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";

/** Who has which kind of task in a concept (the rules behind "Meine Aufgaben", see list-my-tasks.ts). */
/** A concept the actor may read, as much of it as the tasks need. */
type ReadableConcept = { concept: { id: string; status: ConceptStatus }; role: ConceptRole };

export const weighsCommentsAndProposals = (status: ConceptStatus, role: ConceptRole, isAdmin: boolean) =>
  role === "lead" &&
  can("thread.decide", { isAdmin, role, status }) &&
  (status === "konsultation" || status === "ueberarbeitung");
export const weighsSuggestions = (status: ConceptStatus, role: ConceptRole) =>
  (status === "entwurf" || status === "konsultation" || status === "ueberarbeitung") &&
  (role === "lead" || role === "author" || role === "contributor");
export const revisesSections = (status: ConceptStatus, role: ConceptRole) =>
  status === "ueberarbeitung" && (role === "lead" || role === "author" || role === "contributor");

type TaskRows = {
  threads: { conceptId: string; id: string; sectionId: string; title: string }[];
  proposals: { conceptId: string; id: string; sectionId: string; title: string }[];
  suggestions: { conceptId: string; sectionId: string; title: string; owner: string; n: number }[];
  sections: { conceptId: string; id: string; title: string; status: string; owner: string }[];
  questions: { conceptId: string; id: string; createdAt: Date }[];
};
/** How many of a kind each concept has (the header counts; a lead may have thousands of comments to weigh). */
type PerConcept = { conceptId: string; n: number }[];
type TaskCounts = Omit<TaskRows, "threads" | "proposals" | "questions"> & {
  threads: PerConcept;
  proposals: PerConcept;
  questions: PerConcept;
};

/** The rows behind the tasks, for "Meine Aufgaben". */
export function loadTaskRows(db: Db, actor: Actor, concepts: ReadableConcept[]): Promise<TaskRows & Owed> {
  return loadTasks(db, actor, concepts, "rows") as Promise<TaskRows & Owed>;
}

/** The same with comments, proposals and Rückfragen counted per concept instead of listed: the header's count. */
export function loadTaskCounts(db: Db, actor: Actor, concepts: ReadableConcept[]): Promise<TaskCounts & Owed> {
  return loadTasks(db, actor, concepts, "counts") as Promise<TaskCounts & Owed>;
}

type Owed = { signoffsOwed: Map<string, { id: string; name: string }[]> };

/**
 * Every kind in one statement (every signed-in page counts the tasks for its header): each kind is a JSON list,
 * in the order its tasks are shown in, or counted per concept. A kind no concept needs gets an empty id list and
 * costs one index probe.
 */
async function loadTasks(db: Db, actor: Actor, concepts: ReadableConcept[], detail: "rows" | "counts") {
  const idsWhere = (test: (c: ReadableConcept) => boolean) => concepts.filter(test).map((c) => c.concept.id);
  const weighIds = uuidList(idsWhere((c) => weighsCommentsAndProposals(c.concept.status, c.role, actor.isAdmin)));
  const suggestionIds = uuidList(idsWhere((c) => weighsSuggestions(c.concept.status, c.role)));
  const reviseIds = uuidList(idsWhere((c) => revisesSections(c.concept.status, c.role)));
  const questionIds = uuidList(
    idsWhere((c) => can("question.answer", { isAdmin: actor.isAdmin, role: c.role, status: c.concept.status })),
  );
  // A kind's rows as a JSON list in the given order, or its number per concept.
  const listed = (alias: string, fields: SQL, order: SQL, from: SQL) =>
    detail === "counts"
      ? sql`(select coalesce(json_agg(json_build_object('conceptId', c.concept_id, 'n', c.n)), '[]')
               from (select ${sql.raw(alias)}.concept_id, count(*) as n ${from}
                      group by ${sql.raw(alias)}.concept_id) c)`
      : sql`(select coalesce(json_agg(json_build_object(${fields}) order by ${order}), '[]') ${from})`;
  const signoffConcepts = concepts.filter((c) => c.concept.status === "mitzeichnung");
  const [[row], owed] = await Promise.all([
    concepts.length
      ? queryRows<Record<keyof TaskRows, unknown>>(
          db,
          sql`select
            ${listed(
              "t",
              sql`'conceptId', t.concept_id, 'id', t.id, 'sectionId', s.id, 'title', s.title`,
              sql`s.position, t.created_at`,
              sql`from comment_threads t join sections s on s.id = t.section_id
                 where t.concept_id = any(${weighIds}) and t.status = 'open' and t.decision is null
                   and s.archived_at is null`,
            )} as threads,
            ${listed(
              "p",
              sql`'conceptId', p.concept_id, 'id', p.id, 'sectionId', s.id, 'title', s.title`,
              sql`s.position, p.created_at`,
              sql`from change_proposals p join sections s on s.id = p.section_id
                 where p.concept_id = any(${weighIds}) and p.status = 'open' and s.archived_at is null`,
            )} as proposals,
            (select coalesce(json_agg(json_build_object('conceptId', g.concept_id, 'sectionId', g.id, 'title', g.title,
                'owner', g.owner_organisation_id, 'n', g.n) order by g.position), '[]')
               from (select s.concept_id, s.id, s.title, s.owner_organisation_id, s.position, count(*) as n
                       from section_suggestions x join sections s on s.id = x.section_id
                      where x.concept_id = any(${suggestionIds}) and x.status = 'open' and s.archived_at is null
                      group by s.concept_id, s.id, s.title, s.owner_organisation_id, s.position) g) as suggestions,
            (select coalesce(json_agg(json_build_object('conceptId', s.concept_id, 'id', s.id, 'title', s.title,
                'status', s.status, 'owner', s.owner_organisation_id) order by s.position), '[]')
               from sections s
              where s.concept_id = any(${reviseIds}) and s.archived_at is null) as sections,
            ${listed(
              "q",
              sql`'conceptId', q.concept_id, 'id', q.id, 'createdAt', q.created_at`,
              sql`q.created_at`,
              sql`from committee_questions q where q.concept_id = any(${questionIds}) and q.answer is null`,
            )} as questions`,
        )
      : [null],
    // Concepts in the Mitzeichnung are few at any time; each needs its required organisations.
    Promise.all(signoffConcepts.map(async (c) => [c.concept.id, await signoffsOwed(db, actor, c.concept.id)] as const)),
  ]);
  const list = <T extends { n?: unknown; createdAt?: unknown }>(key: keyof TaskRows): T[] => {
    const value = row?.[key] ?? [];
    const parsed = jsonColumn<T[]>(value);
    return parsed.map((r) => ({
      ...r,
      ...(r.n === undefined ? {} : { n: Number(r.n) }),
      ...(typeof r.createdAt === "string" ? { createdAt: new Date(r.createdAt) } : {}),
    }));
  };
  return {
    threads: list("threads"),
    proposals: list("proposals"),
    suggestions: list("suggestions"),
    sections: list("sections"),
    questions: list("questions"),
    signoffsOwed: new Map(owed),
  };
}

/** The organisations of the actor that still owe their sign-off in the concept's open round. */
async function signoffsOwed(db: Db, actor: Actor, conceptId: string): Promise<{ id: string; name: string }[]> {
  const mine = signoffOrganisations(actor, await requiredOrganisations(db, conceptId));
  if (!mine.length) return [];
  const [round] = await db
    .select({ id: signoffRounds.id })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")));
  const done = round
    ? await db
        .select({ organisationId: signoffs.organisationId })
        .from(signoffs)
        .where(
          and(
            eq(signoffs.roundId, round.id),
            inArray(
              signoffs.organisationId,
              mine.map((o) => o.id),
            ),
          ),
        )
    : [];
  return mine.filter((m) => !done.some((d) => d.organisationId === m.id));
}
