import { describe, expect, it } from "vitest";
import { addDays, daysBetween, planningToday } from "@/lib/clock";
import { milestonesOf, nextMilestone } from "./next-milestone";

const folge = [
  { committee: "IR", meetingDate: "2022-05-31", submissionDeadline: null },
  { committee: "AGS", meetingDate: "2022-06-23", submissionDeadline: "2022-06-02" },
];

describe("next milestone", () => {
  it("plans the Vorlagenfrist 14 days before a meeting unless set", () => {
    const m = milestonesOf("2022-06-30", folge);
    expect(m[0]).toEqual({ kind: "vorlagenfrist", date: "2022-05-17", committee: "IR" });
    expect(m.find((x) => x.committee === "AGS" && x.kind === "vorlagenfrist")?.date).toBe("2022-06-02");
    expect(m.at(-1)).toEqual({ kind: "frist", date: "2022-06-30" });
  });
  it("counts days left and overdue", () => {
    expect(nextMilestone("2022-03-15", "2022-06-30", folge)).toMatchObject({
      kind: "vorlagenfrist",
      date: "2022-05-17",
      daysLeft: 63,
      overdue: false,
    });
    expect(nextMilestone("2022-06-30", "2022-06-30", folge)).toMatchObject({
      kind: "frist",
      daysLeft: 0,
      overdue: false,
    });
    expect(nextMilestone("2022-07-04", "2022-06-30", folge)).toMatchObject({
      kind: "frist",
      daysLeft: -4,
      overdue: true,
    });
  });
  it("counts calendar days across daylight-saving changes", () => {
    expect(daysBetween("2022-03-26", "2022-03-28")).toBe(2);
    expect(daysBetween("2022-10-29", "2022-10-31")).toBe(2);
    expect(addDays("2022-03-27", 1)).toBe("2022-03-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
  it("plans as of DEMO_TODAY in demo mode only", () => {
    const clock = { now: () => new Date("2026-11-25T23:30:00Z") };
    expect(planningToday(true, clock, {})).toBe("2022-03-15");
    expect(planningToday(true, clock, { DEMO_TODAY: "2022-05-01" })).toBe("2022-05-01");
    expect(planningToday(false, clock, {})).toBe("2026-11-26"); // already the 26th in Berlin
  });
});
