import { describe, expect, it } from "vitest";
import { reminderStage, workingDaysBefore } from "./reminder-schedule";

describe("reminder schedule", () => {
  it("counts NRW working days back over weekends and public holidays", () => {
    // Friday 2022-05-06: three working days before is Tuesday 2022-05-03.
    expect(workingDaysBefore("2022-05-06", 3)).toBe("2022-05-03");
    // Monday 2022-05-09: three working days before is Wednesday 2022-05-04 (the weekend does not count).
    expect(workingDaysBefore("2022-05-09", 3)).toBe("2022-05-04");
    // Tuesday 2022-04-19 after Easter Monday and Good Friday: three working days before is Tuesday 2022-04-12.
    expect(workingDaysBefore("2022-04-19", 3)).toBe("2022-04-12");
  });

  it("opens the early reminder N working days ahead and the due reminder on the day", () => {
    expect(reminderStage("2022-05-02", "2022-05-06", 3)).toBeNull();
    expect(reminderStage("2022-05-03", "2022-05-06", 3)).toBe("before");
    expect(reminderStage("2022-05-05", "2022-05-06", 3)).toBe("before");
    expect(reminderStage("2022-05-06", "2022-05-06", 3)).toBe("due");
    expect(reminderStage("2022-05-09", "2022-05-06", 3)).toBe("due");
    expect(reminderStage("2022-05-05", "2022-05-06", 0)).toBeNull();
  });
});
