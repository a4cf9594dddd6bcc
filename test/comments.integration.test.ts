import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  commentThreads,
  comments,
  mailOutbox,
  notificationPreferences,
  notifications,
  organisations,
  sectionRevisions,
  sections,
  users,
} from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { doc, p } from "@/demo/tiptap";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { validateContent } from "@/lib/content/validate-content";
import { createThread } from "@/lib/comments/create-thread";
import { decideThread } from "@/lib/comments/decide-thread";
import { deleteComment, editComment } from "@/lib/comments/edit-comment";
import { listSectionThreads } from "@/lib/comments/list-section-threads";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

async function setup() {
  const db = database.db;
  const { concept, sections: list } = await demoConcept(db);
  const awoSection = list.find((s) => s.title.startsWith("Verstetigung"))!;
  return {
    db,
    concept,
    awoSection,
    diakonie: await demoActor(db, "diakonie"),
    awo: await demoActor(db, "awo"),
    jugendamt: await demoActor(db, "jugendamt"),
    lead: await demoActor(db, "federfuehrung"),
  };
}

describe("comment threads", () => {
  it("lets a Träger comment on a quoted passage of a section it cannot edit; the owner is notified", async () => {
    const { db, concept, awoSection, diakonie, awo } = await setup();
    const { threadId } = await createThread(db, diakonie, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Synergieeffekte bitte konkret benennen.",
      quote: { exact: "umfangreiche Synergieeffekte", prefix: "sollen ", suffix: " erzielt" },
    });
    const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread!.anchor!.quote.exact).toBe("umfangreiche Synergieeffekte");
    const [section] = await db.select().from(sections).where(eq(sections.id, awoSection.id));
    expect(section!.version).toBe(1); // content untouched
    const inbox = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, awo.id), eq(notifications.kind, "section_activity")));
    expect(inbox).toHaveLength(1);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "awo@demo.example"));
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const [audit] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "thread.created"), eq(auditEvents.objectId, threadId)));
    expect(audit!.n).toBe(1);
  });

  it("refuses a quote that is not in the text, an over-long body and committee members — storing nothing", async () => {
    const { db, concept, awoSection, diakonie } = await setup();
    const [before] = await db.select({ n: count() }).from(commentThreads);
    await expect(
      createThread(db, diakonie, {
        conceptId: concept.id,
        sectionId: awoSection.id,
        body: "x",
        quote: { exact: "Diesen Satz gibt es nicht", prefix: "", suffix: "" },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { quote: expect.stringContaining("nicht (mehr)") },
    });
    await expect(
      createThread(db, diakonie, { conceptId: concept.id, sectionId: awoSection.id, body: "x".repeat(10_001) }),
    ).rejects.toMatchObject({
      fieldErrors: { body: "Ein Kommentar darf höchstens 10 000 Zeichen lang sein." },
    });
    await expect(
      createThread(db, await demoActor(db, "ausschuss"), {
        conceptId: concept.id,
        sectionId: awoSection.id,
        body: "Frage",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createThread(db, diakonie, {
        conceptId: concept.id,
        sectionId: awoSection.id,
        body: "intern?",
        visibility: "verwaltung",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const [after] = await db.select({ n: count() }).from(commentThreads);
    expect(after!.n).toBe(before!.n);
  });

  it("never shows internal threads to Träger: not listed, not readable, not answerable, no notification", async () => {
    const { db, concept, awoSection, jugendamt, diakonie, awo } = await setup();
    const [awoOrg] = await db.select().from(organisations).where(eq(organisations.shortName, "AWO"));
    const { threadId } = await createThread(db, jugendamt, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Intern: Finanzierung mit Kämmerei klären.",
      visibility: "verwaltung",
      mentions: { users: [], organisations: [awoOrg!.id] },
    });
    for (const actor of [diakonie, awo]) {
      const access = await requireConceptAccess(db, actor, concept.id, "section.read");
      const visible = await listSectionThreads(db, access, awoSection.id, "");
      expect(visible.map((t) => t.id)).not.toContain(threadId);
      await expect(replyToThread(db, actor, { threadId, body: "Antwort" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const leaked = await db
      .select()
      .from(notifications)
      .where(like(notifications.link, `%${threadId}%`));
    expect(leaked.filter((n) => n.userId === awo.id)).toEqual([]);
    const leadAccess = await requireConceptAccess(db, await demoActor(db, "federfuehrung"), concept.id, "section.read");
    expect((await listSectionThreads(db, leadAccess, awoSection.id, "")).map((t) => t.id)).toContain(threadId);
  });

  it("replies, edits with history, soft-deletes, resolves and reopens", async () => {
    const { db, concept, awoSection, diakonie, jugendamt, awo } = await setup();
    const { threadId } = await createThread(db, diakonie, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Erster Gedanke",
    });
    const { commentId, comment } = await replyToThread(db, jugendamt, { threadId, body: "Antwort der Verwaltung" });
    // The stored reply as the discussion lists it, for the form to show at once.
    expect(comment).toMatchObject({
      id: commentId,
      authorId: jugendamt.id,
      body: "Antwort der Verwaltung",
      edited: false,
      deleted: false,
      mentions: [],
    });
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, diakonie.id), eq(notifications.kind, "reply"))),
    ).toHaveLength(1);
    await expect(editComment(db, diakonie, { commentId, body: "fremd" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await editComment(db, jugendamt, { commentId, body: "Antwort der Verwaltung (ergänzt)" });
    await deleteComment(db, jugendamt, { commentId });
    const [deleted] = await db.select().from(comments).where(eq(comments.id, commentId));
    expect(deleted!.deletedAt).not.toBeNull();
    await expect(setThreadResolved(db, awo, { threadId }, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setThreadResolved(db, jugendamt, { threadId }, true);
    await expect(setThreadResolved(db, jugendamt, { threadId }, true)).rejects.toMatchObject({ code: "CONFLICT" });
    await setThreadResolved(db, diakonie, { threadId }, false);
    const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread!.status).toBe("open");
  });

  it("lets only the Verwaltung record the Abwägung, and tells the author", async () => {
    const { db, concept, awoSection, diakonie, lead } = await setup();
    const { threadId } = await createThread(db, diakonie, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Bitte Zahlen ergänzen.",
    });
    await expect(
      decideThread(db, diakonie, { threadId, decision: "uebernommen", reason: "selbst" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideThread(db, lead, { threadId, decision: "uebernommen", reason: "" })).rejects.toMatchObject({
      fieldErrors: { reason: "Bitte begründen Sie die Entscheidung." },
    });
    await expect(
      decideThread(db, lead, { threadId, decision: "uebernommen", reason: "ok", revisionNumber: 99 }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await decideThread(db, lead, {
      threadId,
      decision: "teilweise_uebernommen",
      reason: "Zahlen folgen mit der Finanzplanung.",
      revisionNumber: 1,
    });
    const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread).toMatchObject({ decision: "teilweise_uebernommen", decidedBy: lead.id });
    expect(thread!.decisionRevisionId).not.toBeNull();
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, diakonie.id), eq(notifications.kind, "decision"))),
    ).toHaveLength(1);
  });

  it("writes each notification and its e-mail in the recipient's language", async () => {
    const { db, concept, awoSection, diakonie, awo, lead } = await setup();
    await db.update(users).set({ locale: "en" }).where(eq(users.id, awo.id));
    try {
      const { threadId } = await createThread(db, diakonie, {
        conceptId: concept.id,
        sectionId: awoSection.id,
        body: "Bitte <b>Zahlen</b> nennen.",
      });
      const [english] = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, awo.id),
            eq(
              notifications.link,
              `/konzepte/${concept.id}/abschnitte/${awoSection.id}?thread=${threadId}#thread-${threadId}`,
            ),
          ),
        );
      expect(english).toMatchObject({
        title: `New comment on “${awoSection.title}”`,
        body: `${diakonie.name}: Bitte <b>Zahlen</b> nennen.`,
      });
      const [mail] = await db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.toAddress, "awo@demo.example"),
            eq(mailOutbox.subject, `Konzeptwerk: New comment on “${awoSection.title}”`),
          ),
        );
      expect(mail!.textBody).toContain(`Open: `);
      expect(mail!.textBody).toContain(`/abschnitte/${awoSection.id}?thread=${threadId}#thread-${threadId}`);

      await decideThread(db, lead, { threadId, decision: "nicht_uebernommen", reason: "Die Zahlen stehen im Anhang." });
      const [german] = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, diakonie.id),
            eq(notifications.kind, "decision"),
            eq(notifications.link, english!.link),
          ),
        );
      expect(german).toMatchObject({
        title: "Entscheidung zu Ihrem Kommentar: nicht übernommen",
        body: `${lead.name}: Die Zahlen stehen im Anhang.`,
      });
    } finally {
      await db.update(users).set({ locale: "de" }).where(eq(users.id, awo.id));
    }
  });

  it("honours the e-mail opt-out per kind while keeping the inbox entry", async () => {
    const { db, concept, awoSection, jugendamt, diakonie } = await setup();
    await db.insert(notificationPreferences).values({ userId: diakonie.id, kind: "mention", email: false });
    const mailsBefore = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "diakonie@demo.example"));
    await createThread(db, jugendamt, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "@Miriam bitte prüfen",
      mentions: { users: [diakonie.id], organisations: [] },
    });
    const mailsAfter = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "diakonie@demo.example"));
    expect(mailsAfter.length).toBe(mailsBefore.length);
    expect(
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, diakonie.id), eq(notifications.kind, "mention")))
      ).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it("refuses mentions of people outside the concept", async () => {
    const { db, concept, awoSection, jugendamt } = await setup();
    const outsider = await demoActor(db, "ausschuss");
    await expect(
      createThread(db, jugendamt, {
        conceptId: concept.id,
        sectionId: awoSection.id,
        body: "Hallo",
        mentions: { users: [outsider.id], organisations: [] },
      }),
    ).rejects.toMatchObject({ fieldErrors: { mentions: expect.any(String) } });
  });

  it("follows the quoted text into a new revision, or shows it as changed", async () => {
    const { db, concept, awoSection, diakonie } = await setup();
    const { threadId } = await createThread(db, diakonie, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Zu den Strukturen",
      quote: { exact: "separaten Strukturen", prefix: "", suffix: "" },
    });
    const { threadId: gone } = await createThread(db, diakonie, {
      conceptId: concept.id,
      sectionId: awoSection.id,
      body: "Zur Qualität",
      quote: { exact: "Qualität des Angebots", prefix: "", suffix: "" },
    });
    const { content, text } = validateContent(
      doc(p("Einleitung neu. Die separaten Strukturen werden zusammengeführt.")),
    );
    const [row] = await db.select().from(sections).where(eq(sections.id, awoSection.id));
    await db.insert(sectionRevisions).values({
      sectionId: awoSection.id,
      number: row!.version + 1,
      content,
      contentText: text,
      authorId: diakonie.id,
    });
    await db
      .update(sections)
      .set({ content, contentText: text, version: row!.version + 1 })
      .where(eq(sections.id, awoSection.id));
    const access = await requireConceptAccess(db, diakonie, concept.id, "section.read");
    const threads = await listSectionThreads(db, access, awoSection.id, text);
    const kept = threads.find((t) => t.id === threadId)!;
    expect(kept.placement).toMatchObject({ status: "anchored", start: text.indexOf("separaten Strukturen") });
    expect(threads.find((t) => t.id === gone)!.placement).toEqual({ status: "changed" });
    expect(threads.find((t) => t.id === gone)!.anchor!.quote.exact).toBe("Qualität des Angebots");
  });
});
