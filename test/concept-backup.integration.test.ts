import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableName, is, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import * as schema from "@/db/schema";
import { consultations } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { doc, p } from "@/demo/tiptap";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditHeadFromFile } from "@/lib/audit/audit-head";
import type { ConceptBackup } from "@/lib/backup/backup-schema";
import { BACKUP_TABLES, NOT_BACKED_UP } from "@/lib/backup/backup-tables";
import { backupChecksum, buildConceptBackup, exportConceptBackup } from "@/lib/backup/export-concept-backup";
import { importConceptBackup } from "@/lib/backup/import-concept-backup";
import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { deleteComment, editComment } from "@/lib/comments/edit-comment";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { createFassung } from "@/lib/fassungen/create-fassung";
import { acceptProposal } from "@/lib/proposals/accept-proposal";
import { rejectProposal } from "@/lib/proposals/close-proposal";
import { createProposal } from "@/lib/proposals/create-proposal";
import { addSection } from "@/lib/sections/add-section";
import { removeSection } from "@/lib/sections/remove-section";
import { saveSection } from "@/lib/sections/save-section";
import { answerCommitteeQuestion, askCommitteeQuestion } from "@/lib/workflow/committee-questions";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept } from "./workflow-helpers";

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let conceptId: string;
let backup: ConceptBackup;

/** A concept with everything a backup must carry: edits, threads, proposals, Fassungen, a sign-off round, a Vorlage. */
async function buildRichConcept(db: Db): Promise<string> {
  const { conceptId: id, sectionIds } = await freshConcept(db, "Sicherung Welcome Points");
  const [lead, jugendamt, awo, diakonie, ausschuss] = await Promise.all([
    demoActor(db, "federfuehrung"),
    demoActor(db, "jugendamt"),
    demoActor(db, "awo"),
    demoActor(db, "diakonie"),
    demoActor(db, "ausschuss"),
  ]);
  const [first, second, third] = Object.values(sectionIds) as [string, string, string];
  await saveSection(db, jugendamt, {
    conceptId: id,
    sectionId: first,
    baseVersion: 1,
    content: doc(p("Die Welcome Points arbeiten in allen zehn Stadtbezirken.")),
  });
  const { threadId } = await createThread(db, awo, {
    conceptId: id,
    sectionId: first,
    body: "Bitte die Öffnungszeiten ergänzen.",
    quote: { exact: "zehn Stadtbezirken" },
    mentions: { users: [lead.id], organisations: [] },
  });
  const { commentId } = await replyToThread(db, lead, { threadId, body: "Wird ergänzt." });
  await editComment(db, lead, { commentId, body: "Wird in der nächsten Fassung ergänzt." });
  const { commentId: gone } = await replyToThread(db, awo, { threadId, body: "Versehentlich doppelt." });
  await deleteComment(db, awo, { commentId: gone });
  await decideThread(db, lead, {
    threadId,
    decision: "uebernommen",
    reason: "Öffnungszeiten stehen jetzt im Abschnitt.",
  });
  await createThread(db, lead, {
    conceptId: id,
    sectionId: second,
    body: "Interner Haushaltsvorbehalt",
    visibility: "verwaltung",
  });
  const { proposalId: accepted } = await createProposal(db, diakonie, {
    conceptId: id,
    sectionId: second,
    baseVersion: 1,
    content: doc(p("Die Diakonie schlägt diesen Text vor.")),
    reason: "Klarer.",
  });
  await acceptProposal(db, lead, { proposalId: accepted, baseVersion: 1 });
  const { proposalId: rejected } = await createProposal(db, awo, {
    conceptId: id,
    sectionId: third,
    baseVersion: 1,
    content: doc(p("Abgelehnter Vorschlag.")),
    reason: "Nur ein Versuch.",
  });
  await rejectProposal(db, lead, { proposalId: rejected, reason: "Passt nicht zum Auftrag." });
  const { sectionId: extra } = await addSection(db, lead, {
    conceptId: id,
    title: "Anhang",
    ownerOrganisationId: lead.organisations[0]!.id,
  });
  await saveSection(db, lead, {
    conceptId: id,
    sectionId: extra,
    baseVersion: 0,
    content: doc(p("Wird wieder entfernt.")),
  });
  await removeSection(db, lead, { conceptId: id, sectionId: extra });
  await createFassung(db, lead, { conceptId: id, name: "Konsultationsfassung" });
  await createFassung(db, lead, { conceptId: id, name: "Überarbeitete Fassung" });
  await setRequiredSignoffs(db, lead, {
    conceptId: id,
    organisationIds: [awo.organisations[0]!.id, diakonie.organisations[0]!.id],
  });
  await seedReleasedRound(db, id);
  const folge = await db
    .select()
    .from(consultations)
    .where(sql`${consultations.conceptId} = ${id}`)
    .orderBy(consultations.position);
  await submitVorlage(db, lead, {
    conceptId: id,
    paperType: "beschlussvorlage",
    reference: "AGS/077/2022",
    paperDate: "2022-05-17",
    decisionProposal: "Das Konzept wird beschlossen.",
    financialImpact: "Keine zusätzlichen Kosten im laufenden Haushaltsjahr.",
    reasoning: "Der Rat hat die Verwaltung beauftragt, die Welcome Points weiterzuentwickeln.",
    consultations: folge.map((c) => ({
      id: c.id,
      position: c.position,
      role: c.role,
      meetingDate: c.meetingDate,
      submissionDeadline: "",
    })),
  });
  const { questionId } = await askCommitteeQuestion(db, ausschuss, {
    conceptId: id,
    body: "Wie viele Menschen erreichen die Welcome Points?",
  });
  await answerCommitteeQuestion(db, lead, { conceptId: id, questionId, answer: "Rund 4 000 im Jahr (illustrativ)." });
  return id;
}

/** Every row count that an import could touch. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    ...BACKUP_TABLES.map((t) => t.table),
    schema.users,
    schema.organisations,
    schema.memberships,
    schema.auditEvents,
  ]) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    counts[getTableName(table)] = row!.n;
  }
  return counts;
}

/** Replaces every id by its order of first appearance, so two backups compare apart from ids, consistently mapped. */
function labelIds(value: unknown): unknown {
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? (labels.set(id, `#${labels.size + 1}`), labels.get(id)!);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, label);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, walk((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return walk(value);
}

/** What stays when import-time fields go: the export time and the chain position of each audit event. */
function comparable(b: ConceptBackup) {
  const rest: Partial<ConceptBackup["payload"]> = { ...b.payload };
  delete rest.exportedAt;
  delete rest.auditHead; // the whole database's chain head at export time
  const events = b.payload.auditEvents.map((e) => {
    const copy: Partial<(typeof b.payload.auditEvents)[number]> = { ...e };
    delete copy.seq;
    delete copy.prevHash;
    delete copy.hash;
    return copy;
  });
  return labelIds({ ...rest, auditEvents: events });
}

function withPayload(b: ConceptBackup, change: (payload: ConceptBackup["payload"]) => void, recompute = true): string {
  const copy = structuredClone(b);
  change(copy.payload);
  if (recompute) copy.checksum.value = backupChecksum(copy.payload);
  return JSON.stringify(copy);
}

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db);
  conceptId = await buildRichConcept(source.db);
  backup = await exportConceptBackup(source.db, await demoActor(source.db, "federfuehrung"), conceptId);
}, 180_000);
afterAll(async () => source?.cleanup());

describe("concept backup (JSON export and import)", () => {
  it("covers every table that belongs to a concept", () => {
    const backedUp = new Set(BACKUP_TABLES.map((t) => t.table));
    const all = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
    for (const table of all) {
      if (backedUp.has(table) || NOT_BACKED_UP.has(getTableName(table))) continue;
      const refs = getTableConfig(table).foreignKeys.map((fk) => fk.reference().foreignTable);
      expect(
        refs.filter((r) => backedUp.has(r)),
        `${getTableName(table)} references a concept table`,
      ).toEqual([]);
    }
  });

  it("exports every concept-owned row, the referenced people without password hashes, files with bytes, and the audit trail", () => {
    const t = backup.payload.tables;
    expect(backup.schemaVersion).toBe(1);
    expect(backup.checksum.value).toBe(backupChecksum(backup.payload));
    expect(t.sections!.some((s) => s.archivedAt !== null)).toBe(true);
    expect(t.comments!.some((c) => c.deletedAt !== null)).toBe(true);
    expect(t.commentVersions!.length).toBeGreaterThan(0);
    expect(t.commentMentions!.length).toBeGreaterThan(0);
    expect(t.commentThreads!.some((th) => th.visibility === "verwaltung")).toBe(true);
    expect(t.changeProposals!.map((x) => x.status).sort()).toEqual(["accepted", "rejected"]);
    expect(t.fassungen!.length).toBeGreaterThanOrEqual(3);
    expect(t.signoffRounds!.map((r) => r.status)).toEqual(["completed"]);
    expect(t.signoffs!.length).toBeGreaterThan(0);
    expect(t.requiredSignoffs!.length).toBeGreaterThan(0);
    expect(t.vorlagen!.map((v) => v.reference)).toEqual(["AGS/077/2022"]);
    expect(
      Buffer.from(t.storedFiles![0]!.content as string, "base64")
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    expect(t.committeeQuestions![0]!.answer).toContain("4 000");
    expect(t.notifications!.length).toBeGreaterThan(0);
    expect(backup.payload.auditEvents.length).toBeGreaterThan(10);
    expect(JSON.stringify(backup)).not.toMatch(/passwordHash|\$argon2/);
    expect(backup.payload.people.map((x) => x.email)).toContain("federfuehrung@demo.example");
  });

  it("carries the whole database's audit chain head, an anchor audit:verify --head reads from the file", async () => {
    const head = backup.payload.auditHead!;
    expect(head.seq).toBeGreaterThanOrEqual(backup.payload.auditEvents.at(-1)!.seq);
    expect(auditHeadFromFile(Buffer.from(JSON.stringify(backup)))).toEqual(head);
    expect(await verifyAuditChain(source.db, { anchors: [head] })).toMatchObject({ ok: true });
  });

  it("only the lead may export the backup; admins (without break-glass), others and unknown concepts are not found", async () => {
    const db = source.db;
    for (const key of ["admin", "jugendamt", "awo", "diakonie", "ausschuss"]) {
      await expect(exportConceptBackup(db, await demoActor(db, key), conceptId)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const lead = await demoActor(db, "federfuehrung");
    await expect(exportConceptBackup(db, lead, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("round trip: import into a fresh database and export again gives the same document apart from ids", async () => {
    const target = await createTestDatabase();
    try {
      const summary = await importConceptBackup(target.db, JSON.stringify(backup));
      expect(summary.createdPeople).toContain("federfuehrung@demo.example");
      expect(summary.conceptId).not.toBe(conceptId);
      const [created] = await target.db
        .select()
        .from(schema.users)
        .where(sql`${schema.users.email} = 'federfuehrung@demo.example'`);
      expect(created).toMatchObject({ active: false, passwordHash: null });
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
      const again = await buildConceptBackup(target.db, summary.conceptId);
      const imported = again.payload.auditEvents.at(-1)!;
      expect(imported).toMatchObject({
        action: "concept.imported",
        summary: { sourceConceptId: conceptId, importedEvents: backup.payload.auditEvents.length },
      });
      again.payload.auditEvents.pop();
      expect(comparable(again)).toEqual(comparable(backup));
    } finally {
      await target.cleanup();
    }
  });

  it("a second import beside the original is a real conflict only through the Vorlage reference; a concept without Vorlage is copied", async () => {
    const db = source.db;
    const before = await rowCounts(db);
    await expect(importConceptBackup(db, JSON.stringify(backup))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("AGS/077/2022"),
    });
    expect(await rowCounts(db)).toEqual(before);
    const { conceptId: plain } = await freshConcept(db, "Ohne Vorlage");
    const copy = await buildConceptBackup(db, plain);
    const summary = await importConceptBackup(db, JSON.stringify(copy));
    expect(summary.createdPeople).toEqual([]);
    expect(summary.sameReference).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("refuses bad files with a German message and writes nothing", async () => {
    const target = await createTestDatabase();
    try {
      const before = await rowCounts(target.db);
      const cases: [string, RegExp][] = [
        ["{ kein json", /kein gültiges JSON/],
        [JSON.stringify({ hallo: 1 }), /keine Konzeptsicherung/],
        [JSON.stringify({ ...backup, schemaVersion: 99 }), /Unbekannte Version der Sicherung \(99\)/],
        [
          withPayload(backup, (x) => void (x.tables.sections![0]!.title = "Verändert"), false),
          /Prüfsumme stimmt nicht/,
        ],
        [
          withPayload(backup, (x) => void (x.auditEvents[0]!.summary = { manipuliert: true })),
          /Protokolleintrag Nr\. \d+ wurde verändert/,
        ],
        [withPayload(backup, (x) => void (x.tables.sections = x.tables.sections!.slice(1))), /Fehlender Bezug/],
        [
          withPayload(backup, (x) => void (x.conceptId = "00000000-0000-4000-8000-000000000001")),
          /nicht genau das angegebene Konzept/,
        ],
        [
          withPayload(backup, (x) => void (x.auditEvents[0]!.conceptId = "00000000-0000-4000-8000-000000000001")),
          /gehört zu einem anderen Konzept/,
        ],
        [
          withPayload(
            backup,
            (x) => void (x.people = x.people.filter((person) => person.email !== "federfuehrung@demo.example")),
          ),
          /Fehlender Bezug/,
        ],
        [
          withPayload(backup, (x) => void (x.tables.sections![0]!.position = "eins")),
          /unvollständig oder fehlerhaft: tables\.sections\.0\.position/,
        ],
        [
          withPayload(
            backup,
            (x) => void (x.tables.storedFiles![0]!.content = Buffer.from("kein PDF").toString("base64")),
          ),
          /beschädigt \(SHA-512/,
        ],
        [
          withPayload(
            backup,
            (x) => void (x.tables.sections![0]!.content = { type: "doc", content: [{ type: "script" }] }),
          ),
          /Ungültiger Text/,
        ],
      ];
      for (const [text, message] of cases) {
        await expect(importConceptBackup(target.db, text)).rejects.toMatchObject({
          code: "VALIDATION",
          message: expect.stringMatching(message),
        });
      }
      expect(await rowCounts(target.db)).toEqual(before);
    } finally {
      await target.cleanup();
    }
  });

  it("npm run concept:import restores a file into an empty embedded database and refuses a tampered one (exit 1)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "konzeptwerk-import-"));
    try {
      const good = path.join(dir, "sicherung.json");
      const bad = path.join(dir, "manipuliert.json");
      await writeFile(good, JSON.stringify(backup));
      await writeFile(
        bad,
        withPayload(backup, (x) => void (x.tables.concepts![0]!.title = "Anders"), false),
      );
      // Never the shared server: the script gets an embedded database of its own.
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "db") };
      delete env.DATABASE_URL;
      const run = (file: string) =>
        promisify(execFile)(
          process.execPath,
          ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/concept-import.ts", file],
          { env, cwd: process.cwd() },
        ).then(
          (r) => ({ code: 0, ...r }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      const refused = await run(bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Prüfsumme stimmt nicht");
      const done = await run(good);
      expect(done.stderr).toBe("");
      expect(done.stdout).toContain("Konzept „Sicherung Welcome Points“ eingespielt");
      expect(done.stdout).toMatch(/\d+ Protokolleinträge übernommen/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
