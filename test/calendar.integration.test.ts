import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/demo/seed-demo";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { calendarFeed, createCalendarToken, revokeCalendarToken } from "@/lib/planning/calendar-feed";
import { demoActor } from "./fixtures";
import { submitConcept } from "./submit-fixture";
import { freshConcept } from "./workflow-helpers";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("iCal feed", () => {
  it("carries the milestones of the user's concepts behind a secret link, until revoked", async () => {
    const db = database.db;
    const awo = await demoActor(db, "awo");
    const url = await createCalendarToken(db, awo);
    const token = url.split("/").at(-1)!;
    const ics = (await calendarFeed(db, token, "2022-03-15"))!;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART;VALUE=DATE:20220517");
    expect(ics.replace(/\r\n /g, "")).toContain(
      "SUMMARY:Vorlagenfrist IR: Weiterentwicklung und Verstetigung der Welcome Points in Düsseldorf",
    );
    expect(await calendarFeed(db, "x".repeat(43), "2022-03-15")).toBeNull();
    await revokeCalendarToken(db, awo);
    expect(await calendarFeed(db, token, "2022-03-15")).toBeNull();
  });
  it("gives a committee member no draft dates", async () => {
    const db = database.db;
    const url = await createCalendarToken(db, await demoActor(db, "ausschuss"));
    const ics = (await calendarFeed(db, url.split("/").at(-1)!, "2022-03-15"))!;
    expect(ics).not.toContain("BEGIN:VEVENT");
  });
  it("links a committee member's dates to the reading room, everyone else's to the concept", async () => {
    const db = database.db;
    const { conceptId } = await freshConcept(db);
    await seedReleasedRound(db, conceptId);
    await submitConcept(db, conceptId);
    const unfold = (ics: string) => ics.replace(/\r\n /g, "");
    const member = await createCalendarToken(db, await demoActor(db, "ausschuss"));
    const memberIcs = unfold((await calendarFeed(db, member.split("/").at(-1)!, "2022-03-15"))!);
    expect(memberIcs).toContain(`/konzepte/${conceptId}/lesesaal`);
    expect(memberIcs).not.toMatch(new RegExp(`/konzepte/${conceptId}\r\n`));
    const lead = await createCalendarToken(db, await demoActor(db, "federfuehrung"));
    const leadIcs = unfold((await calendarFeed(db, lead.split("/").at(-1)!, "2022-03-15"))!);
    expect(leadIcs).toMatch(new RegExp(`/konzepte/${conceptId}\r\n`));
  });
});
