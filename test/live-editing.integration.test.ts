import http from "node:http";
import { Redis } from "@hocuspocus/extension-redis";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { concepts, sectionRevisionContributors, sectionRevisions, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { createCollabServer, type CollabServer } from "@/lib/collab/collab-server";
import { liveDocumentJson } from "@/lib/collab/live-content";
import { readStoredLiveState } from "@/lib/collab/live-document-store";
import { afterFreezeAttempt, cutLiveRevisionsBeforeFreeze } from "@/lib/collab/freeze-live-documents";
import { connectLivePeers } from "@/lib/collab/live-peers";
import { registerCollabServer } from "@/lib/collab/live-registry";
import { restoreSectionRevision } from "@/lib/sections/restore-section-revision";
import { demoActor } from "./fixtures";
import {
  closeLive,
  connectLive,
  firstParagraphText,
  liveSynced,
  sessionCookieFor,
  startLiveServer,
  type LiveClient,
} from "./live-clients";
import { createTestDatabase } from "./test-database";

/**
 * The live-editing server as an attacker meets it: real WebSocket connections (ws) with a session cookie and an
 * Origin of their choosing, and a Yjs client that sends whatever it likes.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: CollabServer;
let server: http.Server;
let origin: string;
const DIAKONIE = "Inhaltliche Weiterentwicklung";

const startServer = startLiveServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  collab = createCollabServer({ getDb: async () => database.db });
  ({ server, origin } = await startServer(collab));
});
afterAll(async () => {
  await collab?.close();
  server?.close();
  await database?.cleanup();
});

async function freshSection(title = DIAKONIE) {
  const { conceptId, sectionIds } = await database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Live ${Math.random()}`),
  );
  return { conceptId, sectionId: sectionIds[title]! };
}

const cookieFor = async (email: string) => (await sessionCookieFor(database.db, email)).cookie;

type Client = LiveClient;

const connect = (sectionId: string, headers: Record<string, string>, at = origin): Client =>
  connectLive(at, sectionId, headers);

const close = closeLive;

const serverText = (sectionId: string) => {
  const doc = collab.hocuspocus.documents.get(sectionId);
  return doc ? JSON.stringify(liveDocumentJson(doc)) : null;
};

const synced = liveSynced;

const firstRun = firstParagraphText;

/** Appends text to the first paragraph of the client's own copy (what a modified client would send). */
function appendText(client: Client, text: string) {
  const run = firstRun(client.doc);
  run.insert(run.length, text);
}

describe("live editing: who may connect", () => {
  it("refuses a connection without a session cookie and one from another origin, even with a valid cookie", async () => {
    const { sectionId } = await freshSection();
    const noCookie = connect(sectionId, { origin });
    expect(await noCookie.result).toMatchObject({ ok: false });
    close(noCookie);

    const cookie = await cookieFor("diakonie@demo.example");
    const foreign = connect(sectionId, { origin: "https://angreifer.example", cookie });
    expect(await foreign.result).toMatchObject({ ok: false });
    close(foreign);

    const forgedCookie = connect(sectionId, { origin, cookie: `${sessionCookie().name}=eyJhbGciOiJub25lIn0.e30.` });
    expect(await forgedCookie.result).toMatchObject({ ok: false });
    close(forgedCookie);

    // A committee member may not read a concept in drafting: no connection at all.
    const committee = connect(sectionId, { origin, cookie: await cookieFor("ausschuss@demo.example") });
    expect(await committee.result).toMatchObject({ ok: false });
    close(committee);

    const own = connect(sectionId, { origin, cookie });
    expect(await own.result).toEqual({ ok: true, scope: "read-write" });
    close(own);
  });
});

describe("live editing: what is accepted", () => {
  it("a Träger's direct edits of another organisation's section are refused with a German reason; nothing changes", async () => {
    const { sectionId } = await freshSection();
    const owner = connect(sectionId, { origin, cookie: await cookieFor("diakonie@demo.example") });
    await synced(owner);
    const awo = connect(sectionId, { origin, cookie: await cookieFor("awo@demo.example") });
    // The Träger may suggest (Vorschlagsmodus), so the connection takes updates, but only suggestions pass.
    expect(await awo.result).toEqual({ ok: true, scope: "read-write" });
    await expect.poll(() => awo.notices.find((n) => n.type === "mode")).toMatchObject({ mode: "suggest" });
    await synced(awo);
    const before = serverText(sectionId);
    expect(before).toContain("Welcome Points");

    appendText(awo, " Übernommen von der AWO!");
    await expect
      .poll(() => awo.notices.find((n) => n.type === "refused")?.message)
      .toMatch(/^Im Vorschlagsmodus können Sie den Text nicht direkt ändern/);
    expect(serverText(sectionId)).toBe(before);
    expect(JSON.stringify(liveDocumentJson(owner.doc))).not.toContain("AWO!");
    close(awo);
    close(owner);
  });

  it("refuses updates that break the content rules (unknown node, foreign root type, oversized, javascript: link) and keeps the connection", async () => {
    const { sectionId } = await freshSection();
    const client = connect(sectionId, { origin, cookie: await cookieFor("diakonie@demo.example") });
    await synced(client);
    const before = serverText(sectionId);
    const refusals = () => client.notices.filter((n) => n.type === "refused").map((n) => n.message);

    // Each crafted change is made on a scratch copy and sent as one raw update, as a modified client would.
    const sendCrafted = (change: (doc: Y.Doc) => void) => {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(client.doc));
      const sv = Y.encodeStateVector(scratch);
      change(scratch);
      Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(scratch, sv));
    };
    sendCrafted((doc) => {
      const script = new Y.XmlElement("script");
      script.insert(0, [new Y.XmlText("alert(1)")]);
      doc.getXmlFragment("default").insert(0, [script]);
    });
    await expect.poll(refusals).toHaveLength(1);
    expect(refusals()[0]).toBe("Der Inhalt entspricht nicht dem erlaubten Format des Editors.");

    sendCrafted((doc) => doc.getMap("versteckt").set("x", "y"));
    await expect.poll(refusals).toHaveLength(2);

    sendCrafted((doc) => firstRun(doc).insert(0, "x".repeat(600 * 1024)));
    await expect.poll(refusals).toHaveLength(3);
    expect(refusals()[2]).toMatch(/zu groß/);

    sendCrafted((doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      const run = new Y.XmlText();
      run.insert(0, "klick", { link: { href: "javascript:alert(1)" } });
      paragraph.insert(0, [run]);
      const fragment = doc.getXmlFragment("default");
      fragment.insert(fragment.length, [paragraph]);
    });
    await expect.poll(refusals).toHaveLength(4);
    expect(refusals()[3]).toBe("Links sind nur mit http, https oder mailto erlaubt.");

    // Building on a refused change: the server cannot apply it, so it refuses it instead of keeping it pending.
    sendCrafted((doc) => {
      const script = doc.getXmlFragment("default").get(0) as Y.XmlElement;
      (script.get(0) as Y.XmlText).insert(0, "mehr ");
    });
    await expect.poll(refusals).toHaveLength(5);
    expect(serverText(sectionId)).toBe(before);
    close(client);

    // The same person, on a fresh connection with a clean copy, still writes normally.
    const again = connect(sectionId, { origin, cookie: await cookieFor("diakonie@demo.example") });
    await synced(again);
    appendText(again, " Gültige Ergänzung.");
    await expect.poll(() => serverText(sectionId)).toContain("Gültige Ergänzung.");
    expect(serverText(sectionId)).not.toContain("alert(1)");
    close(again);
  });
});

describe("live editing: storage, revisions, rights", () => {
  it("stores the live text within 2 s, cuts a revision with its contributors on request, and downgrades on a freeze", async () => {
    const { conceptId, sectionId } = await freshSection();
    const diakonie = connect(sectionId, { origin, cookie: await cookieFor("diakonie@demo.example") });
    const lead = connect(sectionId, { origin, cookie: await cookieFor("federfuehrung@demo.example") });
    await synced(diakonie);
    await synced(lead);
    appendText(diakonie, " Von der Diakonie.");
    await expect.poll(() => serverText(sectionId)).toContain("Von der Diakonie.");
    appendText(lead, " Von der Federführung.");
    await expect.poll(() => JSON.stringify(liveDocumentJson(diakonie.doc))).toContain("Von der Federführung.");

    const typedAt = Date.now();
    await expect
      .poll(
        async () => {
          const row = await readStoredLiveState(database.db, sectionId);
          if (!row) return "";
          const doc = new Y.Doc();
          Y.applyUpdate(doc, row.state);
          return JSON.stringify(liveDocumentJson(doc));
        },
        { timeout: 3000, interval: 100 },
      )
      .toContain("Von der Federführung.");
    expect(Date.now() - typedAt).toBeLessThan(2500);

    lead.provider.sendStateless(JSON.stringify({ type: "cut", note: "Gemeinsam" }));
    await expect.poll(() => lead.notices.find((n) => n.type === "revision")).toMatchObject({ number: 2 });
    const [section] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    expect(section!.version).toBe(2);
    expect(section!.contentText).toContain("Von der Diakonie. Von der Federführung.");
    const [revision] = await database.db
      .select()
      .from(sectionRevisions)
      .where(eq(sectionRevisions.sectionId, sectionId))
      .orderBy(sectionRevisions.number)
      .offset(1);
    expect(revision!.note).toBe("Gemeinsam");
    const contributors = await database.db
      .select()
      .from(sectionRevisionContributors)
      .where(eq(sectionRevisionContributors.revisionId, revision!.id));
    expect(contributors).toHaveLength(2);

    // The concept freezes behind the server's back: within 2 s both connections are read-only and told so.
    const frozenAt = Date.now();
    await database.db.update(concepts).set({ status: "mitzeichnung" }).where(eq(concepts.id, conceptId));
    await expect
      .poll(() => diakonie.notices.find((n) => n.type === "mode"), { timeout: 2000 })
      .toMatchObject({
        mode: "read",
      });
    expect(Date.now() - frozenAt).toBeLessThan(2000);
    const frozen = serverText(sectionId);
    appendText(diakonie, " Zu spät.");
    await expect.poll(() => diakonie.notices.filter((n) => n.type === "refused").length).toBe(1);
    expect(serverText(sectionId)).toBe(frozen);
    close(diakonie);
    close(lead);
  });
});

describe("live editing: revisions written elsewhere", () => {
  it("restoring an old revision is an ordinary change of the live text: the connected editor sees it at once", async () => {
    registerCollabServer(collab);
    const { conceptId, sectionId } = await freshSection();
    const diakonie = connect(sectionId, { origin, cookie: await cookieFor("diakonie@demo.example") });
    await synced(diakonie);
    appendText(diakonie, " Später verworfen.");
    diakonie.provider.sendStateless(JSON.stringify({ type: "cut", note: null }));
    await expect.poll(() => diakonie.notices.find((n) => n.type === "revision")).toMatchObject({ number: 2 });

    const lead = await demoActor(database.db, "federfuehrung");
    await restoreSectionRevision(database.db, lead, { conceptId, sectionId, number: 1, baseVersion: 2 });
    await expect.poll(() => JSON.stringify(liveDocumentJson(diakonie.doc))).not.toContain("Später verworfen.");
    expect(serverText(sectionId)).not.toContain("Später verworfen.");
    // Typing goes on from the restored text.
    appendText(diakonie, " Danach.");
    await expect.poll(() => serverText(sectionId)).toContain("Danach.");
    close(diakonie);
  });
});

describe.skipIf(!process.env.REDIS_URL)("live editing across two processes (REDIS_URL)", () => {
  it("a change on one server reaches a client of the other", async () => {
    const url = new URL(process.env.REDIS_URL!);
    const redis = () => new Redis({ host: url.hostname, port: Number(url.port || 6379) });
    const first = createCollabServer({ getDb: async () => database.db, extensions: [redis()] });
    const second = createCollabServer({ getDb: async () => database.db, extensions: [redis()] });
    const a = await startServer(first);
    const b = await startServer(second);
    const { sectionId } = await freshSection();
    const headers = { cookie: await cookieFor("diakonie@demo.example") };
    const onA = connect(sectionId, { ...headers, origin: a.origin }, a.origin);
    const onB = connect(sectionId, { ...headers, origin: b.origin }, b.origin);
    await synced(onA);
    await synced(onB);
    appendText(onA, " Über Redis.");
    await expect.poll(() => JSON.stringify(liveDocumentJson(onB.doc)), { timeout: 3000 }).toContain("Über Redis.");
    appendText(onB, " Und zurück.");
    await expect.poll(() => JSON.stringify(liveDocumentJson(onA.doc)), { timeout: 3000 }).toContain("Und zurück.");
    close(onA);
    close(onB);
    await first.close();
    await second.close();
    a.server.close();
    b.server.close();
  });

  it("a freeze in one process contains what another process acknowledged a moment before, and holds it there", async () => {
    const url = new URL(process.env.REDIS_URL!);
    const host = url.hostname;
    const port = Number(url.port || 6379);
    const serverWithPeers = () =>
      createCollabServer({
        getDb: async () => database.db,
        extensions: [new Redis({ host, port })],
        connectPeers: (handlers) => connectLivePeers({ host, port }, handlers),
      });
    // The freezing process has nobody in the section; the typing happens in the other one.
    const freezing = serverWithPeers();
    const other = serverWithPeers();
    registerCollabServer(freezing);
    const b = await startServer(other);
    const { conceptId, sectionId } = await freshSection();
    const cookie = await cookieFor("diakonie@demo.example");
    const typist = connect(sectionId, { cookie, origin: b.origin }, b.origin);
    await synced(typist);
    appendText(typist, " Kurz vor dem Einfrieren.");
    // Acknowledged by the other process, and (debounced by 1 s) not yet stored.
    await expect.poll(() => typist.provider.unsyncedChanges, { timeout: 2000 }).toBe(0);
    const before = await readStoredLiveState(database.db, sectionId);
    expect(before ? JSON.stringify(liveDocumentJson(stateDoc(before.state))) : "").not.toContain("Kurz vor dem");

    const lead = await demoActor(database.db, "federfuehrung");
    await database.db.transaction(async (tx) => {
      await tx.update(concepts).set({ status: "mitzeichnung" }).where(eq(concepts.id, conceptId));
      await cutLiveRevisionsBeforeFreeze(tx, conceptId, lead);
    });
    afterFreezeAttempt(conceptId);
    const [section] = await database.db.select().from(sections).where(eq(sections.id, sectionId));
    expect(section!.version).toBe(2);
    expect(section!.contentText).toContain("Kurz vor dem Einfrieren.");
    // Everyone in the other process is read-only now and sees the new revision number.
    await expect
      .poll(() => typist.notices.find((n) => n.type === "mode"), { timeout: 3000 })
      .toMatchObject({
        mode: "read",
      });
    await expect
      .poll(() => typist.notices.find((n) => n.type === "version"), { timeout: 3000 })
      .toMatchObject({
        number: 2,
      });
    appendText(typist, " Zu spät.");
    await expect.poll(() => typist.notices.filter((n) => n.type === "refused").length).toBeGreaterThan(0);
    close(typist);
    await freezing.close();
    await other.close();
    b.server.close();
    registerCollabServer(collab);
  });
});

function stateDoc(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
