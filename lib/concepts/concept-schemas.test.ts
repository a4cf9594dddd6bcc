import { describe, expect, it } from "vitest";
import { formatMessage, type MessageKey } from "@/i18n/message";
import { ZConceptFromMandate, conceptFormToInput } from "./concept-schemas";

/** The schemas give catalogue keys; the German sentence is what a reader with the default language sees. */
const german = (i: { message: string; minimum?: unknown; maximum?: unknown }) =>
  formatMessage({ key: i.message as MessageKey, params: { min: Number(i.minimum), max: Number(i.maximum) } });

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const valid = {
  title: "Welcome Points",
  mandateText: "Der Rat beauftragt …",
  mandateReference: "RAT/676/2021",
  decisionDate: "2021-12-16",
  deadline: "2022-06-30",
  leadOrganisationId: id(1),
  mandateItems: ["Weiterentwickeln", "Verstetigen"],
  consultations: [
    { committeeId: id(2), role: "vorberatung", meetingDate: "2022-05-31" },
    { committeeId: id(3), role: "entscheidung", meetingDate: "2022-06-23" },
  ],
  outline: "none",
};
const errors = (input: unknown) => {
  const r = ZConceptFromMandate.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), german(i)]));
};

describe("concept from a mandate: validation", () => {
  it("accepts a complete mandate and parses the outline choice", () => {
    expect(ZConceptFromMandate.parse(valid).outline).toEqual({ kind: "none" });
    expect(ZConceptFromMandate.parse({ ...valid, outline: "template:welcome-points" }).outline).toEqual({
      kind: "template",
      templateId: "welcome-points",
    });
    expect(ZConceptFromMandate.parse({ ...valid, outline: `concept:${id(9)}` }).outline).toEqual({
      kind: "concept",
      conceptId: id(9),
    });
  });
  it("refuses a deadline before the decision date, at the deadline field", () => {
    expect(errors({ ...valid, deadline: "2021-12-15" })).toEqual({
      deadline: "Die Frist darf nicht vor dem Beschlussdatum liegen.",
    });
    expect(errors({ ...valid, deadline: "2021-12-16" })).toEqual({});
  });
  it("refuses a Beratungsfolge without a committee and committees out of order", () => {
    expect(errors({ ...valid, consultations: [] })).toEqual({
      consultations: "Die Beratungsfolge braucht mindestens ein Gremium.",
    });
    const reversed = [valid.consultations[1], valid.consultations[0]];
    expect(errors({ ...valid, consultations: reversed })).toEqual({
      "consultations.1.meetingDate": "Die Sitzungen müssen in der Reihenfolge der Beratungsfolge liegen.",
    });
    expect(
      errors({ ...valid, consultations: [{ ...valid.consultations[0], meetingDate: "2021-12-01" }] }),
    ).toHaveProperty("consultations.0.meetingDate");
  });
  it("refuses impossible dates, empty mandate items and unknown outlines", () => {
    expect(errors({ ...valid, decisionDate: "2022-02-30" })).toHaveProperty("decisionDate");
    expect(errors({ ...valid, mandateItems: [] })).toHaveProperty("mandateItems");
    expect(errors({ ...valid, mandateItems: ["A", "  "] })).toHaveProperty("mandateItems.1");
    expect(errors({ ...valid, outline: "concept:../../x" })).toHaveProperty("outline");
    expect(
      errors({ ...valid, consultations: [{ committeeId: "", role: "vorberatung", meetingDate: "2022-05-31" }] }),
    ).toHaveProperty("consultations.0.committeeId");
  });
  it("zips the repeated form fields into rows, in order", () => {
    const input = conceptFormToInput({
      title: "T",
      mandateItems: ["a", "b"],
      consultationCommitteeId: [id(2), id(3)],
      consultationRole: ["vorberatung", "entscheidung"],
      consultationMeetingDate: ["2022-05-31", "2022-06-23"],
    });
    expect(input.mandateItems).toEqual(["a", "b"]);
    expect(input.consultations).toEqual(valid.consultations);
  });
});
