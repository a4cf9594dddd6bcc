import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  comments,
  conceptParticipants,
  consultations,
  mailOutbox,
  mandateItems,
  memberships,
  organisations,
  sectionLiveDocuments,
  sections,
  signoffRounds,
  users,
} from "@/db/schema";
import * as Y from "yjs";
import { SECTIONS } from "@/demo/welcome-points";
import { seedLiveDocument } from "@/lib/collab/live-content";
import { newSuggestionId } from "@/lib/content/suggestion-ids";
import { listSuggestions } from "@/lib/content/suggestions";
import { validateLiveContent } from "@/lib/content/validate-content";
import { syncSectionSuggestions } from "@/lib/suggestions/sync-section-suggestions";
import type { Actor } from "@/lib/auth/load-actor";
import { loadActor } from "@/lib/auth/load-actor";
import { startUserSession } from "@/lib/auth/user-sessions";
import { createThread } from "@/lib/comments/create-thread";
import { createProposal } from "@/lib/proposals/create-proposal";
import { askCommitteeQuestion } from "@/lib/workflow/committee-questions";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "../fixtures";
import { submitConcept } from "../submit-fixture";
import { agreeAllSections, freshConcept, paragraph } from "../workflow-helpers";

/** Every kind of actor the issue names; "traegerOwner" owns the target section, "traegerOther" takes part but does not. */
export const ACTOR_KEYS = [
  "lead",
  "author",
  "traegerOwner",
  "traegerOther",
  "traegerOutside",
  "committeeIn",
  "committeeOut",
  "admin",
  "deactivated",
  "anonymous",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export const STATES = ["entwurf", "konsultation", "mitzeichnung", "eingereicht"] as const;
export type State = (typeof STATES)[number];

/** The ids one matrix cell works on; an "unknown" copy replaces every id by a fresh random one. */
export type Ids = {
  conceptId: string;
  sectionId: string;
  leadSectionId: string;
  threadId: string;
  internalThreadId: string;
  commentId: string;
  proposalId: string;
  suggestionId: string;
  suggestionOrganisationId: string;
  questionId: string;
  consultationId: string;
  participantId: string;
  mandateItemId: string;
  ownerOrganisationId: string;
  roundId: string;
  contentHash: string;
  sectionVersion: string;
};

export type GlobalIds = {
  userId: string;
  organisationId: string;
  mailId: string;
  traegerOrganisationId: string;
  verwaltungOrganisationId: string;
  gremiumId: string;
};

export type Session = { userId: string; sv: string; sid: string } | null;

export type MatrixFixture = {
  sessions: Record<ActorKey, Session>;
  actors: Partial<Record<ActorKey, Actor>>;
  ids: Record<State, Ids>;
  global: GlobalIds;
};

/** Puts a suggestion by `author` into the section's stored live text and brings its Abwägung row in step. */
async function seedSuggestion(db: Db, sectionId: string, author: Actor): Promise<string> {
  const [section] = await db
    .select({ content: sections.content, version: sections.version })
    .from(sections)
    .where(eq(sections.id, sectionId));
  const id = newSuggestionId(author.id);
  const json = structuredClone(section!.content) as { content: { type: string; content?: unknown[] }[] };
  json.content
    .find((n) => n.type === "paragraph")!
    .content!.push({
      type: "text",
      text: " Vorschlag der AWO",
      marks: [{ type: "insertion", attrs: { id } }],
    });
  const live = seedLiveDocument(json);
  const values = {
    state: Y.encodeStateAsUpdate(live),
    baseVersion: section!.version,
    dirty: false,
    contributorIds: [],
  };
  await db
    .insert(sectionLiveDocuments)
    .values({ sectionId, ...values })
    .onConflictDoUpdate({ target: sectionLiveDocuments.sectionId, set: values });
  live.destroy();
  await syncSectionSuggestions(db, sectionId, listSuggestions(validateLiveContent(json)));
  return id;
}

export function unknownIds<T extends Record<string, string>>(ids: T): T {
  const out = {} as Record<string, string>;
  for (const [k, v] of Object.entries(ids)) out[k] = /^[0-9a-f-]{36}$/i.test(v) ? crypto.randomUUID() : v;
  return out as T;
}

async function newMember(db: Db, name: string, orgId: string, active = true): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({
      name,
      email: `${name.toLowerCase().replace(/\W+/g, "-")}@matrix.example`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$invalid$invalid",
      active,
    })
    .returning({ id: users.id });
  await db.insert(memberships).values({ userId: user!.id, organisationId: orgId });
  return user!.id;
}

async function newOrganisation(db: Db, name: string, kind: "traeger" | "gremium" | "verwaltung"): Promise<string> {
  const [org] = await db
    .insert(organisations)
    .values({ name, shortName: name.slice(0, 20), kind, classification: kind === "gremium" ? "ausschuss" : null })
    .returning({ id: organisations.id });
  return org!.id;
}

const idOf = async (db: Db, email: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** One concept per state, each with a thread, an internal thread, a proposal and (once submitted) a Rückfrage. */
async function conceptIn(
  db: Db,
  state: State,
  a: Record<"lead" | "author" | "traegerOwner" | "traegerOther" | "committeeIn", Actor>,
): Promise<Ids> {
  const { conceptId, sectionIds } = await freshConcept(db, `Matrix ${state}`);
  const diakonieTitle = SECTIONS.find((s) => s.owner === "diakonie")!.title;
  const leadTitle = SECTIONS.find((s) => s.owner === "lead")!.title;
  const sectionId = sectionIds[diakonieTitle]!;
  const { threadId } = await createThread(db, a.traegerOwner, {
    conceptId,
    sectionId,
    body: "Offene Frage zur Trägerschaft",
  });
  const { threadId: internalThreadId } = await createThread(db, a.author, {
    conceptId,
    sectionId,
    body: "Nur intern",
    visibility: "verwaltung",
  });
  const [comment] = await db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, threadId));
  const { proposalId } = await createProposal(db, a.traegerOther, {
    conceptId,
    sectionId,
    baseVersion: 1,
    content: paragraph("Vorschlag der AWO"),
    reason: "Klarer formuliert",
  });
  const [consultation] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(consultations.position);
  const [caritas] = await db
    .select({ id: conceptParticipants.id })
    .from(conceptParticipants)
    .innerJoin(organisations, eq(organisations.id, conceptParticipants.organisationId))
    .where(and(eq(conceptParticipants.conceptId, conceptId), eq(organisations.shortName, "Caritas")));
  const [item] = await db
    .select({ id: mandateItems.id })
    .from(mandateItems)
    .where(eq(mandateItems.conceptId, conceptId))
    .limit(1);
  let roundId = crypto.randomUUID();
  let contentHash = "0".repeat(64);
  let questionId = crypto.randomUUID();

  if (state !== "entwurf") await transitionConcept(db, a.lead, { conceptId, transition: "open_consultation" });
  if (state === "mitzeichnung") {
    await setRequiredSignoffs(db, a.lead, {
      conceptId,
      organisationIds: [a.author, a.traegerOwner, a.traegerOther].map((x) => x.organisations[0]!.id),
    });
    await transitionConcept(db, a.lead, { conceptId, transition: "close_consultation" });
    await agreeAllSections(db, a.lead, conceptId);
    await transitionConcept(db, a.lead, { conceptId, transition: "start_signoff" });
    const [round] = await db
      .select()
      .from(signoffRounds)
      .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")));
    roundId = round!.id;
    contentHash = round!.contentHash;
  }
  if (state === "eingereicht") {
    await submitConcept(db, conceptId);
    ({ questionId } = await askCommitteeQuestion(db, a.committeeIn, { conceptId, body: "Wie viele Plätze gibt es?" }));
  }
  // Seeded directly (whatever the state): an open suggestion of the AWO in the Diakonie's live text, and its row.
  const suggestionId = await seedSuggestion(db, sectionId, a.traegerOther);
  const [section] = await db
    .select({ version: sections.version, owner: sections.ownerOrganisationId })
    .from(sections)
    .where(eq(sections.id, sectionId));
  return {
    conceptId,
    sectionId,
    leadSectionId: sectionIds[leadTitle]!,
    threadId,
    internalThreadId,
    commentId: comment!.id,
    proposalId,
    suggestionId,
    suggestionOrganisationId: a.traegerOther.organisations[0]!.id,
    questionId,
    consultationId: consultation!.id,
    participantId: caritas!.id,
    mandateItemId: item!.id,
    ownerOrganisationId: section!.owner,
    roundId,
    contentHash,
    sectionVersion: String(section!.version),
  };
}

export async function buildMatrixFixture(db: Db): Promise<MatrixFixture> {
  const demo = {
    lead: await demoActor(db, "federfuehrung"),
    author: await demoActor(db, "jugendamt"),
    traegerOwner: await demoActor(db, "diakonie"),
    traegerOther: await demoActor(db, "awo"),
    committeeIn: await demoActor(db, "ausschuss"),
    admin: await demoActor(db, "admin"),
  };
  const outsideTraeger = await newOrganisation(db, "Freier Träger ohne Beteiligung", "traeger");
  const outsideGremium = await newOrganisation(db, "Bezirksvertretung ohne Beratung", "gremium");
  const ids = {
    traegerOutside: await newMember(db, "Tara Außen", outsideTraeger),
    committeeOut: await newMember(db, "Carl Außen", outsideGremium),
    deactivated: await newMember(db, "Dora Deaktiviert", demo.author.organisations[0]!.id),
  };
  const actors: Partial<Record<ActorKey, Actor>> = { ...demo };
  for (const [key, id] of Object.entries(ids)) actors[key as ActorKey] = (await loadActor(db, id))!;

  const state: Partial<Record<State, Ids>> = {};
  for (const s of STATES) state[s] = await conceptIn(db, s, demo);
  await db.update(users).set({ active: false }).where(eq(users.id, ids.deactivated));

  const sessions = {} as Record<ActorKey, Session>;
  const rows = await db.select({ id: users.id, sv: users.sessionVersion }).from(users);
  for (const key of ACTOR_KEYS) {
    const id = key === "anonymous" ? null : key in ids ? ids[key as keyof typeof ids] : actors[key]!.id;
    const sid = id ? await db.transaction((tx) => startUserSession(tx, id)) : null;
    sessions[key] = id && sid ? { userId: id, sv: rows.find((r) => r.id === id)!.sv, sid } : null;
  }

  const [mail] = await db
    .insert(mailOutbox)
    .values({ toAddress: "fehler@matrix.example", subject: "Test", textBody: "Test", status: "failed", attempts: 8 })
    .returning({ id: mailOutbox.id });
  const [caritas] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.shortName, "Caritas"));
  return {
    sessions,
    actors,
    ids: state as Record<State, Ids>,
    global: {
      userId: await idOf(db, "awo@demo.example"),
      organisationId: caritas!.id,
      mailId: mail!.id,
      traegerOrganisationId: caritas!.id,
      verwaltungOrganisationId: demo.lead.organisations[0]!.id,
      gremiumId: outsideGremium,
    },
  };
}
