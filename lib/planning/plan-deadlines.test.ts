import { describe, expect, it } from "vitest";
import { easterSunday, holidaysNrw, isWorkingDay, onOrBeforeWorkingDay } from "./holidays-nrw";
import { planDeadlines, planState } from "./plan-deadlines";

const FOLGE = [
  { committee: "IR", meetingDate: "2022-05-31", submissionDeadline: null, outcome: null },
  { committee: "JHA", meetingDate: "2022-06-09", submissionDeadline: null, outcome: null },
  { committee: "AGS", meetingDate: "2022-06-23", submissionDeadline: null, outcome: null },
];

describe("NRW working days", () => {
  it("computes Easter and the movable feasts", () => {
    expect(easterSunday(2022)).toBe("2022-04-17");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    const h = holidaysNrw(2022);
    expect(h.get("2022-04-15")).toBe("Karfreitag");
    expect(h.get("2022-05-26")).toBe("Christi Himmelfahrt");
    expect(h.get("2022-06-06")).toBe("Pfingstmontag");
    expect(h.get("2022-06-16")).toBe("Fronleichnam");
  });
  it("moves dates to the last working day before weekends and holidays", () => {
    expect(isWorkingDay("2022-05-17")).toBe(true);
    expect(onOrBeforeWorkingDay("2022-05-28")).toBe("2022-05-27"); // Saturday
    expect(onOrBeforeWorkingDay("2022-06-06")).toBe("2022-06-03"); // Pfingstmontag → Friday
    expect(onOrBeforeWorkingDay("2022-04-18")).toBe("2022-04-14"); // Ostermontag, Karfreitag, weekend
  });
});

describe("deadline planning", () => {
  it("plans backwards from the meetings for the Welcome Points case", () => {
    const plan = planDeadlines("2022-06-30", FOLGE);
    const get = (kind: string, committee?: string) =>
      plan.find((m) => m.kind === kind && m.committee === committee)?.date;
    expect(get("vorlagenfrist", "IR")).toBe("2022-05-17");
    expect(get("vorlagenfrist", "JHA")).toBe("2022-05-25"); // 26 May is Christi Himmelfahrt
    expect(get("vorlagenfrist", "AGS")).toBe("2022-06-09");
    expect(get("mitzeichnung")).toBe("2022-05-06");
    expect(get("konsultationsende")).toBe("2022-04-22");
    expect(plan.map((m) => m.date)).toEqual([...plan.map((m) => m.date)].sort());
  });
  it("plans across the daylight-saving change without losing a day", () => {
    const plan = planDeadlines("2022-04-30", [
      { committee: "X", meetingDate: "2022-04-11", submissionDeadline: null, outcome: null },
    ]);
    expect(plan.find((m) => m.kind === "vorlagenfrist")!.date).toBe("2022-03-28");
  });
  it("honours an explicit Vorlagenfrist", () => {
    const plan = planDeadlines("2022-06-30", [{ ...FOLGE[0]!, submissionDeadline: "2022-05-10" }]);
    expect(plan.find((m) => m.kind === "vorlagenfrist")!.date).toBe("2022-05-10");
  });
  it("rates the plan: im Plan, gefährdet, überfällig", () => {
    const plan = planDeadlines("2022-06-30", FOLGE);
    expect(planState(plan, "entwurf", "2022-03-15")).toBe("im_plan");
    expect(planState(plan, "konsultation", "2022-04-18")).toBe("gefaehrdet");
    expect(planState(plan, "konsultation", "2022-04-25")).toBe("ueberfaellig");
    expect(planState(plan, "ueberarbeitung", "2022-04-25")).toBe("im_plan");
    expect(planState(plan, "abgeschlossen", "2022-12-01")).toBe("im_plan");
  });
});
