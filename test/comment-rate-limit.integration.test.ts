import { envProblems } from "@/config/env";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, changeProposals, commentRateLimits, comments } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { doc, p } from "@/demo/tiptap";
import { createThread } from "@/lib/comments/create-thread";
import { contributionRateLimit } from "@/lib/comments/contribution-rate-limit";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import type { Actor } from "@/lib/auth/load-actor";
import { createProposal } from "@/lib/proposals/create-proposal";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

/** Issue 16, finding 6: 300 comments in 52 s from one account went through. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());
beforeEach(() => {
  process.env.COMMENT_RATE_LIMIT_BURST = "5";
  process.env.COMMENT_RATE_LIMIT_PER_MINUTE = "2";
});
afterEach(() => {
  delete process.env.COMMENT_RATE_LIMIT_BURST;
  delete process.env.COMMENT_RATE_LIMIT_PER_MINUTE;
});

const RATE_LIMITED = {
  code: "RATE_LIMITED",
  message: expect.stringMatching(/^Sie haben in kurzer Zeit sehr viele Beiträge/),
};

async function written(actor: Actor) {
  const db = database.db;
  const [c] = await db.select({ n: count() }).from(comments).where(eq(comments.authorId, actor.id));
  const [pr] = await db.select({ n: count() }).from(changeProposals).where(eq(changeProposals.proposerId, actor.id));
  const [a] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.actorId, actor.id));
  return { comments: c!.n, proposals: pr!.n, audit: a!.n };
}

describe(`contribution rate limit (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("defaults far above a person writing by hand; configurable", () => {
    expect(contributionRateLimit({})).toEqual({ burst: 30, perMinute: 10 });
    expect(contributionRateLimit({ COMMENT_RATE_LIMIT_BURST: "100", COMMENT_RATE_LIMIT_PER_MINUTE: "20" })).toEqual({
      burst: 100,
      perMinute: 20,
    });
    // A value that is no positive whole number stops the server at start with a German sentence.
    expect(envProblems({ COMMENT_RATE_LIMIT_PER_MINUTE: "x" })).toEqual([
      "COMMENT_RATE_LIMIT_PER_MINUTE muss eine ganze Zahl ab 1 sein.",
    ]);
  });

  it("stops a flood after the burst with a German 429 for threads, replies and proposals alike; refused writes store nothing", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    const section = sections.find((s) => s.version > 0)!;
    const diakonie = await demoActor(db, "diakonie");
    const awo = await demoActor(db, "awo");
    const thread = (actor: Actor, i: number) =>
      createThread(db, actor, { conceptId: concept.id, sectionId: section.id, body: `Flut ${i}` });
    const first = await thread(diakonie, 0);
    for (let i = 1; i < 4; i++) await thread(diakonie, i);
    await replyToThread(db, diakonie, { threadId: first.threadId, body: "Antwort 5" });
    const before = await written(diakonie);
    await expect(thread(diakonie, 6)).rejects.toMatchObject(RATE_LIMITED);
    await expect(replyToThread(db, diakonie, { threadId: first.threadId, body: "Antwort 7" })).rejects.toMatchObject(
      RATE_LIMITED,
    );
    await expect(
      createProposal(db, diakonie, {
        conceptId: concept.id,
        sectionId: section.id,
        baseVersion: section.version,
        content: doc(p("Ganz neuer Text.")),
        reason: "Flut",
      }),
    ).rejects.toMatchObject(RATE_LIMITED);
    expect(await written(diakonie)).toEqual(before);
    // Someone else writes on as before.
    await expect(thread(awo, 0)).resolves.toMatchObject({ threadId: expect.any(String) });
    // Time refills the bucket (2 per minute): half a minute later, one more.
    await db
      .update(commentRateLimits)
      .set({ updatedAt: sql`${commentRateLimits.updatedAt} - interval '30 seconds'` })
      .where(eq(commentRateLimits.userId, diakonie.id));
    await expect(thread(diakonie, 8)).resolves.toMatchObject({ threadId: expect.any(String) });
    await expect(thread(diakonie, 9)).rejects.toMatchObject({
      message: expect.stringMatching(/Bitte warten Sie (29|30) Sekunden/),
    });
  });

  it("counts exactly under concurrent writes from separate database sessions (as from several server processes)", async () => {
    const db = database.db;
    const { concept, sections } = await demoConcept(db);
    const jugendamt = await demoActor(db, "jugendamt");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createThread(db, jugendamt, { conceptId: concept.id, sectionId: sections[0]!.id, body: `Gleichzeitig ${i}` }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.length - refused.length).toBe(5);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject(RATE_LIMITED);
    const [stored] = await db
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.authorId, jugendamt.id), sql`${comments.body} like 'Gleichzeitig %'`));
    expect(stored!.n).toBe(5);
  });
});
