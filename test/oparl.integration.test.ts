import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concepts, consultations, organisations, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { listConsultations, getConsultation } from "@/lib/oparl/consultations";
import { getFile, getFileContent, listFiles } from "@/lib/oparl/files";
import { parseListQuery } from "@/lib/oparl/list-query";
import { getMeeting, listMeetings } from "@/lib/oparl/meetings";
import type { OparlContext } from "@/lib/oparl/oparl-context";
import { oparlUrls } from "@/lib/oparl/oparl-urls";
import { getOrganization, listOrganizations } from "@/lib/oparl/organizations";
import { getPaper, listPapers } from "@/lib/oparl/papers";
import { getBody, getSystem, listBodies, listPersons } from "@/lib/oparl/system-and-body";
import { listProblems, oparlProblems } from "./oparl-validator";
import { submitConcept, withdrawConcept } from "./submit-fixture";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: OparlContext;
const urls = oparlUrls("https://rat.example.de");

type Ids = { conceptId: string; sectionIds: Record<string, string> };
let submitted: Ids & { vorlageId: string; fileId: string; sha512: string; reference: string };
let draft: Ids;
let prepared: Ids & { vorlageId: string; fileId: string };
let withdrawn: Ids & { vorlageId: string; fileId: string };
let draftCommitteeId: string;
let laterCommitteeId: string;

const DRAFT_TITLE = "Geheimer Entwurf Seniorenarbeit 4711";
const DRAFT_TEXT = "Vertraulicher Entwurfstext Quokka-4711";
const PREPARED_TITLE = "Freigegeben, noch nicht eingereicht 0815";
const REWORKED_TITLE = "Überarbeitung nach Rückverweisung 2342";

async function freshConcept(title: string): Promise<Ids> {
  return database.db.transaction(async (tx) => seedWelcomePointsConcept(tx, await loadDemoRefs(tx), title));
}

async function addCommittee(name: string, classification: "ausschuss" | "beirat") {
  const [row] = await database.db
    .insert(organisations)
    .values({ name, shortName: name.slice(0, 8), kind: "gremium", classification })
    .returning({ id: organisations.id });
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  ctx = { db: database.db, urls };

  const a = await freshConcept("Welcome Points – eingereichte Fassung");
  submitted = {
    ...a,
    ...(await submitConcept(database.db, a.conceptId, { reference: "AGS/029/2022", paperDate: "2022-05-17" })),
  };

  draft = await freshConcept(DRAFT_TITLE);
  draftCommitteeId = await addCommittee("Seniorenbeirat (nur im Entwurf)", "beirat");
  await database.db.insert(consultations).values({
    conceptId: draft.conceptId,
    position: 4,
    committeeId: draftCommitteeId,
    role: "kenntnisnahme",
    meetingDate: "2022-07-07",
  });
  const firstSection = Object.values(draft.sectionIds)[0]!;
  await database.db.update(sections).set({ contentText: DRAFT_TEXT }).where(eq(sections.id, firstSection));

  const p = await freshConcept(PREPARED_TITLE);
  prepared = {
    ...p,
    ...(await submitConcept(database.db, p.conceptId, { reference: "AGS/030/2022", status: "freigegeben" })),
  };

  const w = await freshConcept("Zurückverwiesene Vorlage");
  withdrawn = {
    ...w,
    ...(await submitConcept(database.db, w.conceptId, { reference: "JHA/011/2022", paperType: "beschlussvorlage" })),
  };
  await withdrawConcept(database.db, w.conceptId);
  // The reworked draft changes title and Beratungsfolge: none of it may show.
  await database.db.update(concepts).set({ title: REWORKED_TITLE }).where(eq(concepts.id, w.conceptId));
  laterCommitteeId = await addCommittee("Sportausschuss (erst in der Überarbeitung)", "ausschuss");
  await database.db.insert(consultations).values({
    conceptId: w.conceptId,
    position: 4,
    committeeId: laterCommitteeId,
    role: "vorberatung",
    meetingDate: "2022-09-01",
  });
}, 180_000);
afterAll(async () => database?.cleanup());

const q = (s = "") => parseListQuery(new URLSearchParams(s));
const params = (s = "") => new URLSearchParams(s);

/** Every page of a list, validated. */
async function allPages<T>(
  load: (
    query: ReturnType<typeof q>,
    p: URLSearchParams,
  ) => Promise<{ data: T[]; links: { next?: string } }> | { data: T[]; links: { next?: string } },
  perPage = 2,
) {
  const items: T[] = [];
  for (let page = 1; page < 50; page++) {
    const qs = `elementsPerPage=${perPage}&page=${page}`;
    const result = await load(q(qs), params(qs));
    expect(listProblems(result)).toEqual([]);
    items.push(...result.data);
    if (!result.links.next) break;
  }
  return items;
}

describe("OParl output", () => {
  it("system and body validate and point to the lists", async () => {
    const system = await getSystem(ctx);
    expect(oparlProblems(system)).toEqual([]);
    expect(system).toMatchObject({
      id: urls.system,
      oparlVersion: "https://schema.oparl.org/1.1/",
      body: urls.list("body"),
    });
    const bodies = await listBodies(ctx, q(), params());
    expect(listProblems(bodies)).toEqual([]);
    expect(bodies.data).toHaveLength(1);
    const body = await getBody(ctx, "1");
    expect(oparlProblems(body)).toEqual([]);
    expect(body).toMatchObject({
      name: "Landeshauptstadt Düsseldorf (Demo)",
      paper: urls.list("paper"),
      person: urls.list("person"),
      legislativeTerm: [],
    });
    expect(listProblems(listPersons(ctx, q(), params()))).toEqual([]);
    await expect(getBody(ctx, "2")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("publishes the submitted Vorlage as Paper with its Beratungsfolge and PDF embedded", async () => {
    const paper = (await getPaper(ctx, submitted.vorlageId)) as Record<string, unknown> & {
      consultation: Record<string, unknown>[];
      mainFile: Record<string, unknown>;
    };
    expect(oparlProblems(paper)).toEqual([]);
    const [lead] = await database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Amt für Migration und Integration"));
    expect(paper).toMatchObject({
      id: urls.object("paper", submitted.vorlageId),
      name: "Welcome Points – eingereichte Fassung",
      reference: "AGS/029/2022",
      date: "2022-05-17",
      paperType: "Informationsvorlage",
      body: urls.body,
      underDirectionOf: [urls.object("organization", lead!.id)],
      // The paper's own parts as vendor-prefixed extensions; an Informationsvorlage has no Beschlussvorschlag.
      "konzeptwerk:finanzielleAuswirkungen": expect.stringContaining("Finanzierung"),
      "konzeptwerk:begruendung": expect.stringContaining("Auftrag"),
    });
    expect(paper).not.toHaveProperty("konzeptwerk:beschlussvorschlag");
    expect(paper.consultation.map((c) => [c.role, c.authoritative])).toEqual([
      ["Vorberatung", false],
      ["Vorberatung", false],
      ["Entscheidung", true],
    ]);
    expect(paper.mainFile).toMatchObject({
      id: urls.object("file", submitted.fileId),
      mimeType: "application/pdf",
      sha512Checksum: submitted.sha512,
      accessUrl: urls.fileAccess(submitted.fileId),
      downloadUrl: urls.fileDownload(submitted.fileId),
      date: "2022-05-17",
    });
    for (const stamp of [paper.created, paper.modified])
      expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const file = await getFileContent(ctx, submitted.fileId);
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha512").update(file.content).digest("hex")).toBe(submitted.sha512);
    expect((await getFile(ctx, submitted.fileId)).size).toBe(file.content.length);
  });

  it("shows a withdrawn Vorlage as a deleted stub, its old consultations deleted, and nothing of the rework", async () => {
    const paper = await getPaper(ctx, withdrawn.vorlageId);
    expect(oparlProblems(paper)).toEqual([]);
    expect(Object.keys(paper).sort()).toEqual(["created", "deleted", "id", "modified", "type"]);
    expect(paper).toMatchObject({ deleted: true });
    const all = await allPages((a, b) => listConsultations(ctx, a, b));
    const stubs = all.filter((c) => "deleted" in c && c.deleted);
    expect(stubs).toHaveLength(3);
    await expect(getFile(ctx, withdrawn.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFileContent(ctx, withdrawn.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrganization(ctx, laterCommitteeId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists exactly the published objects, every page valid, and every object also at its own URL", async () => {
    const papers = await allPages((a, b) => listPapers(ctx, a, b), 1);
    expect(papers.map((p) => p.id).sort()).toEqual(
      [urls.object("paper", submitted.vorlageId), urls.object("paper", withdrawn.vorlageId)].sort(),
    );
    const orgs = await allPages((a, b) => listOrganizations(ctx, a, b));
    expect(orgs.map((o) => o.name).sort()).toEqual([
      "Amt für Migration und Integration",
      "Ausschuss für Gesundheit und Soziales",
      "Integrationsrat",
      "Jugendhilfeausschuss",
    ]);
    expect(orgs.find((o) => o.name === "Integrationsrat")).toMatchObject({
      organizationType: "Gremium",
      classification: "Beirat",
    });
    expect(orgs.find((o) => o.name === "Jugendhilfeausschuss")).toMatchObject({
      organizationType: "Gremium",
      classification: "Ausschuss",
    });
    expect(orgs.find((o) => o.name === "Amt für Migration und Integration")).toMatchObject({
      organizationType: "Verwaltungsbereich",
    });
    const meetings = await allPages((a, b) => listMeetings(ctx, a, b));
    expect(meetings.map((m) => m.name).sort()).toEqual([
      "Ausschuss für Gesundheit und Soziales – Sitzung am 23.06.2022",
      "Integrationsrat – Sitzung am 31.05.2022",
      "Jugendhilfeausschuss – Sitzung am 09.06.2022",
    ]);
    // Each meeting starts at the time the Beratungsfolge gives, in Berlin summer time.
    expect(Object.fromEntries(meetings.map((m) => [m.name.split(" – ")[0], m.start]))).toEqual({
      "Ausschuss für Gesundheit und Soziales": "2022-06-23T14:30:00+02:00",
      Integrationsrat: "2022-05-31T15:00:00+02:00",
      Jugendhilfeausschuss: "2022-06-09T14:00:00+02:00",
    });
    const files = await allPages((a, b) => listFiles(ctx, a, b));
    expect(files.map((f) => f.id)).toEqual([urls.object("file", submitted.fileId)]);
    const consults = await allPages((a, b) => listConsultations(ctx, a, b));
    expect(consults).toHaveLength(6);

    const idOf = (url: string) => url.split("/").pop()!;
    for (const o of orgs) expect(await getOrganization(ctx, idOf(o.id))).toEqual(o);
    for (const m of meetings) expect(await getMeeting(ctx, idOf(m.id))).toEqual(m);
    for (const c of consults) expect(await getConsultation(ctx, idOf(c.id))).toEqual(c);
    for (const f of files) expect(await getFile(ctx, idOf(f.id))).toEqual(f);
    for (const p of papers) expect(await getPaper(ctx, idOf(p.id))).toEqual(p);
    for (const c of consults.filter((x) => !("deleted" in x))) {
      const live = c as { meeting: string; organization: string[] };
      expect(meetings.map((m) => m.id)).toContain(live.meeting);
      expect(orgs.map((o) => o.id)).toContain(live.organization[0]);
    }
  });

  it("never lets a draft, a prepared Vorlage or a reworked concept through — not even its committees", async () => {
    const everything = JSON.stringify([
      await getSystem(ctx),
      await getBody(ctx, "1"),
      await allPages((a, b) => listPapers(ctx, a, b)),
      await allPages((a, b) => listOrganizations(ctx, a, b)),
      await allPages((a, b) => listMeetings(ctx, a, b)),
      await allPages((a, b) => listConsultations(ctx, a, b)),
      await allPages((a, b) => listFiles(ctx, a, b)),
    ]);
    for (const secret of [
      DRAFT_TITLE,
      DRAFT_TEXT,
      PREPARED_TITLE,
      REWORKED_TITLE,
      draft.conceptId,
      prepared.vorlageId,
      prepared.fileId,
      draftCommitteeId,
      laterCommitteeId,
      "Seniorenbeirat",
      "Sportausschuss",
      "2022-07-07",
      "2022-09-01",
      "JHA/011/2022",
      "AGS/030/2022",
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
    await expect(getPaper(ctx, prepared.vorlageId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFileContent(ctx, prepared.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrganization(ctx, draftCommitteeId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMeeting(ctx, `${draftCommitteeId}_2022-07-07`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("needs the same few queries for a list page whatever its size (no N+1)", async () => {
    let queries = 0;
    const db = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop === "execute")
          return (...args: Parameters<typeof target.execute>) => (queries++, target.execute(...args));
        return Reflect.get(target, prop, receiver);
      },
    });
    const counted: OparlContext = { db, urls };
    const count = async (run: () => Promise<unknown>) => {
      queries = 0;
      await run();
      return queries;
    };
    const one = await count(() => listPapers(counted, q("elementsPerPage=1"), params()));
    const all = await count(() => listPapers(counted, q("elementsPerPage=100"), params()));
    expect(one).toBeLessThanOrEqual(4);
    expect(all).toBeLessThanOrEqual(4); // count, page, embedded consultations, embedded files
    expect(await count(() => listConsultations(counted, q("elementsPerPage=100"), params()))).toBe(2);
  });

  it("filters by created and modified and answers unknown or malformed ids with not found", async () => {
    const future = "2999-01-01T00:00:00+01:00";
    const past = "2000-01-01T00:00:00+01:00";
    expect(
      (
        await listPapers(
          ctx,
          q(`modified_since=${encodeURIComponent(future)}`),
          params(`modified_since=${encodeURIComponent(future)}`),
        )
      ).data,
    ).toEqual([]);
    expect((await listPapers(ctx, q(`created_until=${encodeURIComponent(past)}`), params())).data).toEqual([]);
    expect((await listPapers(ctx, q(`modified_since=${encodeURIComponent(past)}`), params())).data).toHaveLength(2);
    const paper = (await getPaper(ctx, submitted.vorlageId)) as { modified: string };
    const exact = encodeURIComponent(paper.modified);
    const sinceExact = await listPapers(ctx, q(`modified_since=${exact}`), params());
    expect(sinceExact.data.map((p) => p.id)).toContain(urls.object("paper", submitted.vorlageId));
    for (const bad of ["nope", "00000000-0000-0000-0000-000000000000", "'; drop table vorlagen; --"]) {
      await expect(getPaper(ctx, bad)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getMeeting(ctx, bad)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getMeeting(ctx, "00000000-0000-0000-0000-000000000000_2022-02-30")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
