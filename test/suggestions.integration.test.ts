import type http from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentThreads, sectionSuggestions, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { createThread } from "@/lib/comments/create-thread";
import { createCollabServer, type CollabServer } from "@/lib/collab/collab-server";
import { liveDocumentJson } from "@/lib/collab/live-content";
import { registerCollabServer } from "@/lib/collab/live-registry";
import { restoreSectionRevision } from "@/lib/sections/restore-section-revision";
import { decideOrganisationSuggestions, decideSuggestion } from "@/lib/suggestions/decide-suggestions";
import { listSynopseForDownload, toSynopseRows } from "@/lib/synopse/list-synopse";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";
import { gatherWorkflowFacts } from "@/lib/workflow/gather-workflow-facts";
import { demoActor } from "./fixtures";
import {
  closeLive,
  connectLive,
  firstParagraphText,
  liveSynced,
  sendCrafted,
  sessionCookieFor,
  startLiveServer,
  type LiveClient,
} from "./live-clients";
import { createTestDatabase } from "./test-database";

/**
 * Suggestions in the live text (Vorschlagsmodus) as the server enforces them: a Träger on another organisation's
 * section may only add and withdraw their own suggestions (crafted Yjs updates, as an attacker would send them),
 * each suggestion becomes an Abwägung row, and the section's editors decide them into the text.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: CollabServer;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  collab = createCollabServer({ getDb: async () => database.db });
  registerCollabServer(collab);
  ({ server, origin } = await startLiveServer(collab));
});
afterAll(async () => {
  await collab?.close();
  server?.close();
  await database?.cleanup();
});

async function freshSection() {
  const { conceptId, sectionIds } = await database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Vorschläge ${Math.random()}`),
  );
  return { conceptId, sectionId: sectionIds["Inhaltliche Weiterentwicklung"]! };
}

async function join(sectionId: string, email: string) {
  const { cookie, userId } = await sessionCookieFor(database.db, email);
  const client = connectLive(origin, sectionId, { origin, cookie });
  await liveSynced(client);
  return { client, userId };
}

const serverText = (sectionId: string) => JSON.stringify(liveDocumentJson(collab.hocuspocus.documents.get(sectionId)!));
const refusals = (client: LiveClient) => client.notices.filter((n) => n.type === "refused").map((n) => n.message);
const suggestionRows = (sectionId: string) =>
  database.db.select().from(sectionSuggestions).where(eq(sectionSuggestions.sectionId, sectionId));

/** Inserts `text` marked as a suggestion with `id` at the end of the first paragraph (what the editor sends). */
const suggestInsert = (client: LiveClient, id: string, text: string) =>
  sendCrafted(client, (doc) => {
    const run = firstParagraphText(doc);
    run.insert(run.length, text, { insertion: { id } });
  });

/** Where `text` starts in the run's plain text (toString() would count the marks' tags too). */
const plainIndex = (run: ReturnType<typeof firstParagraphText>, text: string) =>
  (run.toDelta() as { insert: string }[])
    .map((d) => d.insert)
    .join("")
    .indexOf(text);

/** Marks the first occurrence of `word` as deleted and suggests `replacement` right after it. */
const suggestReplace = (client: LiveClient, id: string, word: string, replacement: string) =>
  sendCrafted(client, (doc) => {
    const run = firstParagraphText(doc);
    const at = plainIndex(run, word);
    run.format(at, word.length, { deletion: { id } });
    run.insert(at + word.length, replacement, { insertion: { id } });
  });

describe("suggesting in the live text", () => {
  it("a Träger suggests on another organisation's section; only their own suggestions pass; the editors decide", async () => {
    const { conceptId, sectionId } = await freshSection();
    const diakonie = await join(sectionId, "diakonie@demo.example");
    const awo = await join(sectionId, "awo@demo.example");
    await expect.poll(() => awo.client.notices.find((n) => n.type === "mode")).toMatchObject({ mode: "suggest" });

    // Direct typing is refused and changes nothing.
    const before = serverText(sectionId);
    sendCrafted(awo.client, (doc) => {
      const run = firstParagraphText(doc);
      run.insert(run.length, " Direkt geändert.");
    });
    await expect.poll(() => refusals(awo.client)).toHaveLength(1);
    expect(refusals(awo.client)[0]).toMatch(/^Im Vorschlagsmodus können Sie den Text nicht direkt ändern/);
    expect(serverText(sectionId)).toBe(before);
    closeLive(awo.client);

    // A clean connection suggests a replacement and an insertion: both reach the owner live.
    const awo2 = await join(sectionId, "awo@demo.example");
    const replaceId = `${awo2.userId}:ersetzen01`;
    const insertId = `${awo2.userId}:einfuegen1`;
    suggestReplace(awo2.client, replaceId, "Anlaufstellen", "Beratungsstellen");
    suggestInsert(awo2.client, insertId, " Mit Sprachcafés.");
    await expect.poll(() => JSON.stringify(liveDocumentJson(diakonie.client.doc))).toContain("Mit Sprachcafés.");
    expect(refusals(awo2.client)).toEqual([]);

    // Claiming to be someone else, or touching another person's suggestion, is refused.
    suggestInsert(awo2.client, `${diakonie.userId}:gefaelscht`, " Im Namen der Diakonie.");
    await expect.poll(() => refusals(awo2.client)).toHaveLength(1);
    expect(serverText(sectionId)).not.toContain("Im Namen der Diakonie.");
    closeLive(awo2.client);
    // The owner (a writer) may edit, but not put a suggestion into the AWO's name either.
    suggestInsert(diakonie.client, `${awo2.userId}:untergeschoben`, " Untergeschoben.");
    await expect.poll(() => refusals(diakonie.client)).toHaveLength(1);
    expect(refusals(diakonie.client)[0]).toBe(
      "Ein Vorschlag muss Ihren Namen tragen – die Änderung wurde nicht übernommen.",
    );

    // Stored: one Abwägung row per suggestion, with author and organisation.
    await expect.poll(async () => (await suggestionRows(sectionId)).length, { timeout: 5000 }).toBe(2);
    const rows = await suggestionRows(sectionId);
    const replacement = rows.find((r) => r.id === replaceId)!;
    expect(replacement).toMatchObject({
      kind: "replacement",
      deletedText: "Anlaufstellen",
      insertedText: "Beratungsstellen",
      status: "open",
    });
    expect(replacement.context).toContain("von Anlaufstellen für neu Zugewanderte");
    expect(rows.find((r) => r.id === insertId)).toMatchObject({ kind: "insertion", insertedText: "Mit Sprachcafés." });

    expect((await gatherWorkflowFacts(database.db, conceptId)).openSuggestions).toBe(2);
    // The owner organisation finds them in "Meine Aufgaben"; the Träger who made them does not.
    const ownerTasks = await listMyTasks(database.db, await demoActor(database.db, "diakonie"), "2022-03-15");
    expect(ownerTasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "weighSuggestions", count: 2, conceptId })]),
    );
    const traegerTasks = await listMyTasks(database.db, await demoActor(database.db, "awo"), "2022-03-15");
    expect(traegerTasks.filter((t) => t.kind === "weighSuggestions" && t.conceptId === conceptId)).toEqual([]);
    // A suggestion can carry a discussion; a thread about a suggestion of another section is refused.
    const awoForThread = await demoActor(database.db, "awo");
    const { threadId } = await createThread(database.db, awoForThread, {
      conceptId,
      sectionId,
      body: "Sprachcafés gibt es schon in Eller.",
      suggestionId: insertId,
    });
    const [thread] = await database.db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread!.suggestionId).toBe(insertId);
    await expect(
      createThread(database.db, awoForThread, {
        conceptId,
        sectionId,
        body: "Falsch",
        suggestionId: `${awo2.userId}:fremd1234`,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    // A revision never holds an open suggestion.
    const owner = await demoActor(database.db, "diakonie");
    const [sectionBefore] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    expect(JSON.stringify(sectionBefore!.content)).not.toContain("Sprachcafés");

    // The AWO may not decide; the Diakonie accepts one and rejects the other with a reason.
    const awoActor = await demoActor(database.db, "awo");
    await expect(
      decideSuggestion(database.db, awoActor, {
        conceptId,
        sectionId,
        suggestionId: insertId,
        decision: "uebernommen",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideSuggestion(database.db, owner, {
        conceptId,
        sectionId,
        suggestionId: insertId,
        decision: "nicht_uebernommen",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const accepted = await decideSuggestion(database.db, owner, {
      conceptId,
      sectionId,
      suggestionId: replaceId,
      decision: "uebernommen",
    });
    expect(accepted.version).toBe(sectionBefore!.version + 1);
    await decideSuggestion(database.db, owner, {
      conceptId,
      sectionId,
      suggestionId: insertId,
      decision: "nicht_uebernommen",
      reason: "Sprachcafés gehören in den Abschnitt zur Gemeinwesenarbeit.",
    });
    const [sectionAfter] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    expect(sectionAfter!.contentText).toContain("von Beratungsstellen für neu Zugewanderte");
    expect(sectionAfter!.contentText).not.toContain("Sprachcafés");
    expect(serverText(sectionId)).not.toMatch(/insertion|deletion/);
    const decided = await suggestionRows(sectionId);
    expect(decided.find((r) => r.id === replaceId)).toMatchObject({ status: "accepted", decision: "uebernommen" });
    expect(decided.find((r) => r.id === insertId)).toMatchObject({
      status: "rejected",
      decision: "nicht_uebernommen",
      decisionReason: "Sprachcafés gehören in den Abschnitt zur Gemeinwesenarbeit.",
    });
    // The Synopse lists both as "Vorschlag im Text" with their decision; the Mitzeichnung check counts none open.
    const lead = await demoActor(database.db, "federfuehrung");
    const synopse = await listSynopseForDownload(database.db, lead, conceptId);
    const rowsOut = toSynopseRows(synopse.entries.filter((e) => e.kind === "textvorschlag"));
    expect(rowsOut).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "Vorschlag im Text",
          text: expect.stringContaining("ersetzt „Anlaufstellen“ durch „Beratungsstellen“"),
          decision: "übernommen",
          result: `Version ${accepted.version}`,
        }),
        expect.objectContaining({ kind: "Vorschlag im Text", decision: "nicht übernommen" }),
      ]),
    );
    expect((await gatherWorkflowFacts(database.db, conceptId)).openSuggestions).toBe(0);
    closeLive(diakonie.client);
  });

  it("decides all of one organisation's suggestions at once, each recorded; restoring a revision waits for them", async () => {
    const { conceptId, sectionId } = await freshSection();
    // A second revision, so that there is an older one to restore.
    const diakonie = await join(sectionId, "diakonie@demo.example");
    sendCrafted(diakonie.client, (doc) => firstParagraphText(doc).insert(0, "Neu: "));
    diakonie.client.provider.sendStateless(JSON.stringify({ type: "cut", note: null }));
    await expect.poll(() => diakonie.client.notices.find((n) => n.type === "revision")).toMatchObject({ number: 2 });
    closeLive(diakonie.client);
    const awo = await join(sectionId, "awo@demo.example");
    suggestInsert(awo.client, `${awo.userId}:erstervor`, " Erstens.");
    await expect.poll(() => serverText(sectionId)).toContain("Erstens.");
    suggestReplace(awo.client, `${awo.userId}:zweitervo`, "Zugewanderte", "Geflüchtete");
    await expect.poll(async () => (await suggestionRows(sectionId)).length, { timeout: 5000 }).toBe(2);
    const lead = await demoActor(database.db, "federfuehrung");
    await expect(
      restoreSectionRevision(database.db, lead, { conceptId, sectionId, number: 1, baseVersion: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const [row] = await suggestionRows(sectionId);
    const result = await decideOrganisationSuggestions(database.db, lead, {
      conceptId,
      sectionId,
      organisationId: row!.authorOrganisationId!,
      decision: "zur_kenntnis_genommen",
      reason: "Wird in der nächsten Fortschreibung betrachtet.",
    });
    expect(result).toEqual({ decided: 2, version: null });
    const rows = await database.db
      .select()
      .from(sectionSuggestions)
      .where(and(eq(sectionSuggestions.sectionId, sectionId), eq(sectionSuggestions.status, "rejected")));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.decision === "zur_kenntnis_genommen")).toBe(true);
    await expect.poll(() => JSON.stringify(liveDocumentJson(awo.client.doc))).not.toContain("Erstens.");

    // Withdrawing one's own suggestion is recorded as withdrawn.
    suggestInsert(awo.client, `${awo.userId}:drittervo`, " Drittens.");
    await expect.poll(async () => (await suggestionRows(sectionId)).length, { timeout: 5000 }).toBe(3);
    sendCrafted(awo.client, (doc) => {
      const run = firstParagraphText(doc);
      const at = plainIndex(run, " Drittens.");
      run.delete(at, " Drittens.".length);
    });
    await expect
      .poll(async () => (await suggestionRows(sectionId)).find((r) => r.id === `${awo.userId}:drittervo`)?.status, {
        timeout: 5000,
      })
      .toBe("withdrawn");
    expect(refusals(awo.client)).toEqual([]);
    closeLive(awo.client);
  });
});
