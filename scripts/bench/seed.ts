/**
 * The benchmark data set, seeded in bulk (batched multi-row inserts, ids generated here, history grown with
 * INSERT … SELECT generate_series): the demo accounts and concept, more concepts, and one large concept with
 * long history, many threads, Fassungen and a submitted Vorlage. Content is valid tiptap JSON with the
 * matching plain text, checked against validateContent for every section.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  changeProposals,
  commentMentions,
  commentThreads,
  comments,
  conceptParticipants,
  concepts,
  consultations,
  fassungSections,
  fassungen,
  mandateItems,
  memberships,
  sectionMandateItems,
  sectionRevisions,
  sections,
  users,
  vorlagen,
} from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { hashPassword } from "@/lib/auth/password";
import { BERATUNGSFOLGE, CONCEPT, DEMO_PASSWORD, MANDATE_ITEMS, MOTION_TEXT, SECTIONS } from "@/demo/welcome-points";
import { validateContent } from "@/lib/content/validate-content";
import { commentText, personName, random, revisionBody, sectionBody, toContent } from "./text";
import { takeReadingRoomSnapshot } from "@/lib/workflow/reading-room-snapshot";

export type BenchSize = {
  concepts: number;
  sections: number;
  pages: number;
  revisions: number;
  threads: number;
  participants: number;
  fassungen: number;
};
export const FULL_SIZE: BenchSize = {
  concepts: 10,
  sections: 20,
  pages: 60,
  revisions: 5000,
  threads: 3000,
  participants: 50,
  fassungen: 10,
};

export type BenchData = {
  conceptId: string;
  /** The demo concept (demo/welcome-points) as the demo seed creates it, for the size of its overview. */
  demoConceptId: string;
  sectionIds: string[];
  /** The section measured for the section pages, the history and the scaling runs. */
  measuredSectionId: string;
  revisionsPerSection: number;
  fassungIds: string[];
  /** Sections of the other concepts (drafts, editable by the lead) for the save mix. */
  saveSectionIds: { conceptId: string; sectionId: string }[];
  /** One open thread per section of the big concept, for the reply mix. */
  replyThreadIds: string[];
  /**
   * Participants of the Verwaltung who write the replies of the write mix, one per connection (they sign in with
   * the demo password): one person's contributions queue behind each other by design (the rate limit's row lock),
   * and ten people do not reply through one account.
   */
  replyAuthorEmails: string[];
};

const CHARS_PER_PAGE = 3000;
const OWNERS = ["lead", "jugendamt", "diakonie", "awo", "caritas"] as const;

async function insertBatched<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedBench(
  db: Db,
  size: BenchSize = FULL_SIZE,
  log: (line: string) => void = () => {},
): Promise<BenchData> {
  await seedDemo(db);
  const refs = await loadDemoRefs(db);
  const [demo] = await db.select({ id: concepts.id }).from(concepts).where(eq(concepts.title, CONCEPT.title));
  const { orgIds, userIds } = refs;
  const rnd = random(2021_12_16);

  // More concepts (the demo seed brought one): drafts with eight sections each.
  const saveSectionIds: BenchData["saveSectionIds"] = [];
  for (let c = 1; c < size.concepts - 1; c++) {
    const seeded = await db.transaction((tx) =>
      seedWelcomePointsConcept(tx, refs, `${CONCEPT.title} – Fortschreibung ${2022 + c}`),
    );
    for (const sectionId of Object.values(seeded.sectionIds))
      saveSectionIds.push({ conceptId: seeded.conceptId, sectionId });
  }

  // Participants: people of the Verwaltung and of the Träger, each a member of one organisation.
  const people = Array.from({ length: size.participants }, (_, i) => ({
    id: randomUUID(),
    name: personName(i),
    email: `person${i + 1}@bench.example`,
    org: OWNERS[i % OWNERS.length]!,
  }));
  // Only the Verwaltung's participants sign in (they write the replies); one hash serves them all.
  const replyAuthors = people.filter((u) => u.org === "lead" || u.org === "jugendamt").slice(0, 10);
  const replyHash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(
    people.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      passwordHash: replyAuthors.includes(u) ? replyHash : null,
    })),
  );
  await db.insert(memberships).values(people.map((u) => ({ userId: u.id, organisationId: orgIds[u.org] })));

  // The large concept: in Überarbeitung while the drafting pages are measured.
  const conceptId = randomUUID();
  await db.insert(concepts).values({
    id: conceptId,
    ...CONCEPT,
    title: `${CONCEPT.title} – Gesamtkonzept`,
    mandateText: MOTION_TEXT,
    leadOrganisationId: orgIds.lead,
    createdBy: userIds.federfuehrung,
    status: "ueberarbeitung",
  });
  await db.insert(conceptParticipants).values([
    { conceptId, userId: userIds.federfuehrung!, role: "lead" },
    { conceptId, organisationId: orgIds.jugendamt, role: "author" },
    ...(["diakonie", "awo", "caritas"] as const).map((o) => ({
      conceptId,
      organisationId: orgIds[o],
      role: "contributor" as const,
    })),
    ...people.map((u) => ({
      conceptId,
      userId: u.id,
      role: u.org === "lead" || u.org === "jugendamt" ? ("author" as const) : ("contributor" as const),
    })),
  ]);
  const itemIds = MANDATE_ITEMS.map(() => randomUUID());
  await db
    .insert(mandateItems)
    .values(MANDATE_ITEMS.map((text, i) => ({ id: itemIds[i]!, conceptId, position: i + 1, text })));
  await db.insert(consultations).values(
    BERATUNGSFOLGE.map((c, i) => ({
      conceptId,
      position: i + 1,
      committeeId: orgIds[c.committee],
      role: c.role,
      meetingDate: c.meetingDate,
    })),
  );

  const perSection = Math.max(1, Math.round(size.revisions / size.sections));
  const charsPerSection = (size.pages * CHARS_PER_PAGE) / size.sections;
  const now = Date.now();
  const sectionIds: string[] = [];
  const latest: { revisionId: string; text: string; body: ReturnType<typeof sectionBody> }[] = [];
  const revisionIdsByNumber: string[][] = [];
  for (let s = 0; s < size.sections; s++) {
    const owner = OWNERS[s % OWNERS.length]!;
    const body = sectionBody(1000 + s, charsPerSection);
    const final = toContent(body);
    const checked = validateContent(final.content);
    if (checked.text !== final.text) throw new Error("Benchmark-Text weicht von validateContent ab");
    const sectionId = randomUUID();
    const title = s < SECTIONS.length ? SECTIONS[s]!.title : `Handlungsfeld ${s - SECTIONS.length + 1}`;
    const authors = people.filter((u) => u.org === owner);
    await db.insert(sections).values({
      id: sectionId,
      conceptId,
      position: s + 1,
      title,
      ownerOrganisationId: orgIds[owner],
      content: final.content,
      contentText: final.text,
      version: perSection,
      updatedBy: authors[0]?.id ?? userIds.federfuehrung,
      updatedAt: new Date(now - 3_600_000),
    });
    await db.insert(sectionMandateItems).values({ sectionId, mandateItemId: itemIds[s % itemIds.length]! });
    const ids = Array.from({ length: perSection }, () => randomUUID());
    revisionIdsByNumber.push(ids);
    const rows = ids.map((id, i) => {
      const number = i + 1;
      const { content, text } = toContent(revisionBody(body, number, perSection));
      return {
        id,
        sectionId,
        number,
        authorId: authors[number % Math.max(1, authors.length)]?.id ?? userIds.federfuehrung,
        organisationId: orgIds[owner],
        note: number % 10 === 0 ? `Überarbeitung nach Rückmeldungen (${number})` : null,
        content,
        contentText: text,
        createdAt: new Date(now - (perSection - number + 1) * 3_600_000),
      };
    });
    await insertBatched(rows, 100, (batch) => db.insert(sectionRevisions).values(batch));
    sectionIds.push(sectionId);
    latest.push({ revisionId: ids[ids.length - 1]!, text: final.text, body });
  }
  log(`  ${size.sections} Abschnitte, ${perSection * size.sections} Revisionen`);

  // Comment threads, anchored to a few words of the current text; replies; some decided (Abwägung).
  const threadRows: (typeof commentThreads.$inferInsert)[] = [];
  const commentRows: (typeof comments.$inferInsert)[] = [];
  const mentionRows: (typeof commentMentions.$inferInsert)[] = [];
  const replyThreadIds: string[] = [];
  const decisions = ["uebernommen", "teilweise_uebernommen", "nicht_uebernommen", "zur_kenntnis_genommen"] as const;
  for (let t = 0; t < size.threads; t++) {
    const s = t % size.sections;
    const { text, revisionId } = latest[s]!;
    const author = people[Math.floor(rnd() * people.length)]!;
    const start = Math.floor(rnd() * Math.max(1, text.length - 80));
    const wordStart = text.indexOf(" ", start) + 1;
    const wordEnd = Math.min(
      text.length,
      text.indexOf(" ", wordStart + 25) > 0 ? text.indexOf(" ", wordStart + 25) : wordStart + 25,
    );
    const exact = text.slice(wordStart, wordEnd);
    const anchored = !exact.includes("\n") && exact.length > 5;
    const resolved = rnd() < 0.6;
    const internal = (author.org === "lead" || author.org === "jugendamt") && rnd() < 0.3;
    const decided = resolved && rnd() < 0.8;
    const id = randomUUID();
    const createdAt = new Date(now - (size.threads - t) * 600_000);
    threadRows.push({
      id,
      conceptId,
      sectionId: sectionIds[s]!,
      revisionId,
      anchor: anchored
        ? {
            quote: {
              type: "TextQuoteSelector",
              exact,
              prefix: text.slice(Math.max(0, wordStart - 32), wordStart),
              suffix: text.slice(wordEnd, wordEnd + 32),
            },
            position: { type: "TextPositionSelector", start: wordStart, end: wordEnd },
          }
        : null,
      visibility: internal ? "verwaltung" : "alle",
      status: resolved ? "resolved" : "open",
      createdBy: author.id,
      createdByOrganisationId: orgIds[author.org],
      createdAt,
      resolvedAt: resolved ? new Date(createdAt.getTime() + 86_400_000) : null,
      resolvedBy: resolved ? userIds.federfuehrung : null,
      decision: decided ? decisions[t % decisions.length]! : null,
      decisionReason: decided ? "Die Anmerkung wurde in der Überarbeitung berücksichtigt." : null,
      decidedBy: decided ? userIds.federfuehrung : null,
      decidedAt: decided ? new Date(createdAt.getTime() + 86_400_000) : null,
    });
    if (
      !resolved &&
      !internal &&
      replyThreadIds.length < size.sections &&
      !replyThreadIds.some((r) => threadRows.find((x) => x.id === r)?.sectionId === sectionIds[s])
    )
      replyThreadIds.push(id);
    const replies = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < replies; r++) {
      const commentId = randomUUID();
      const by = r === 0 ? author : people[Math.floor(rnd() * people.length)]!;
      commentRows.push({
        id: commentId,
        threadId: id,
        authorId: by.id,
        organisationId: orgIds[by.org],
        body: commentText(rnd),
        createdAt: new Date(createdAt.getTime() + r * 3_600_000),
      });
      if (rnd() < 0.05) mentionRows.push({ commentId, userId: people[Math.floor(rnd() * people.length)]!.id });
    }
  }
  await insertBatched(threadRows, 500, (batch) => db.insert(commentThreads).values(batch));
  await insertBatched(commentRows, 1000, (batch) => db.insert(comments).values(batch));
  if (mentionRows.length) await insertBatched(mentionRows, 1000, (batch) => db.insert(commentMentions).values(batch));
  log(`  ${threadRows.length} Kommentar-Threads, ${commentRows.length} Kommentare`);

  // Change proposals: each rewords one paragraph of the current text.
  const proposalRows = Array.from({ length: Math.round(size.threads / 30) }, (_, i) => {
    const s = i % size.sections;
    const body = latest[s]!.body.map((b, k) =>
      k === 1 + (i % (latest[s]!.body.length - 1)) && !b.heading
        ? { ...b, text: `${b.text} Ergänzung der Träger ${i + 1}.` }
        : b,
    );
    const { content, text } = toContent(body);
    const proposer = people.filter((u) => u.org !== "lead" && u.org !== "jugendamt")[i % 20]!;
    const status = (["open", "accepted", "rejected"] as const)[i % 3]!;
    return {
      conceptId,
      sectionId: sectionIds[s]!,
      baseRevisionId: latest[s]!.revisionId,
      baseVersion: perSection,
      content,
      contentText: text,
      reason: "Präzisierung aus der Praxis der Träger.",
      proposerId: proposer.id,
      proposerOrganisationId: orgIds[proposer.org],
      status,
      closedAt: status === "open" ? null : new Date(now - 86_400_000),
      closedBy: status === "open" ? null : userIds.federfuehrung,
      rejectionReason: status === "rejected" ? "Bereits an anderer Stelle geregelt." : null,
    };
  });
  await insertBatched(proposalRows, 100, (batch) => db.insert(changeProposals).values(batch));

  // Fassungen at every tenth of the history; the last one is submitted as the Vorlage.
  const fassungIds: string[] = [];
  for (let f = 0; f < size.fassungen; f++) {
    const id = randomUUID();
    const last = f === size.fassungen - 1;
    await db.insert(fassungen).values({
      id,
      conceptId,
      name: last ? "Einreichungsfassung" : `Arbeitsfassung ${f + 1}`,
      createdBy: userIds.federfuehrung,
      createdAt: new Date(now - (size.fassungen - f) * 86_400_000),
    });
    const number = Math.max(1, Math.round((perSection * (f + 1)) / size.fassungen));
    await db.insert(fassungSections).values(
      sectionIds.map((sectionId, s) => ({
        fassungId: id,
        sectionId,
        revisionId: revisionIdsByNumber[s]![number - 1]!,
        position: s + 1,
        title: s < SECTIONS.length ? SECTIONS[s]!.title : `Handlungsfeld ${s - SECTIONS.length + 1}`,
        ownerOrganisationId: orgIds[OWNERS[s % OWNERS.length]!],
      })),
    );
    fassungIds.push(id);
  }
  const submittedFassungId = fassungIds[fassungIds.length - 1]!;
  const readingRoomSnapshot = await db.transaction((tx) => takeReadingRoomSnapshot(tx, conceptId, submittedFassungId));
  await db.insert(vorlagen).values({
    conceptId,
    fassungId: submittedFassungId,
    paperType: "beschlussvorlage",
    reference: "AGS/0815/2022",
    paperDate: "2022-05-17",
    submittedBy: userIds.federfuehrung,
    readingRoomSnapshot,
  });
  await db.execute(sql`analyze`);
  return {
    conceptId,
    demoConceptId: demo!.id,
    sectionIds,
    measuredSectionId: sectionIds[Math.min(4, sectionIds.length - 1)]!,
    revisionsPerSection: perSection,
    fassungIds,
    saveSectionIds,
    replyThreadIds,
    replyAuthorEmails: replyAuthors.map((u) => u.email),
  };
}

/** Drafting pages are measured in Überarbeitung, the committee reading room once the Vorlage is submitted. */
export async function setConceptStatus(db: Db, conceptId: string, status: "ueberarbeitung" | "eingereicht") {
  await db.update(concepts).set({ status }).where(eq(concepts.id, conceptId));
}

/**
 * Grows the history of one section to `total` revisions without changing its current text: new revisions
 * repeat the earlier ones in a cycle, the newest equals the current content. Runs in the database.
 */
export async function growHistory(db: Db, sectionId: string, total: number) {
  await db.execute(sql`
    insert into section_revisions (section_id, number, author_id, organisation_id, note, content, content_text, created_at)
    select r.section_id, g.n, r.author_id, r.organisation_id, r.note, r.content, r.content_text, now() - make_interval(mins => ${total} - g.n)
    from sections s
    cross join lateral generate_series(s.version + 1, ${total}) as g(n)
    join section_revisions r on r.section_id = s.id and r.number = ((g.n - 1) % s.version) + 1
    where s.id = ${sectionId} and ${total} > s.version and ${total} % s.version = 0`);
  await db.execute(sql`update sections set version = ${total} where id = ${sectionId} and version < ${total}`);
  await db.execute(sql`analyze section_revisions`);
}
