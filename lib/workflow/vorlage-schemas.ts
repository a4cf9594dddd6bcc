import { z } from "zod";
import { hasVisibleText, ZIsoDate, ZRequiredUuid } from "@/lib/validation/fields";
import { stepsOfferedIn, type TransitionId } from "./transitions";

/** The deliberation steps the Vorlage page offers (refer back, Beraten, Abgeschlossen), from the transition table. */
const VORLAGE_PAGE_STEPS = stepsOfferedIn("vorlagePage");

const ZOptionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  ZIsoDate("appError.vorlage.dateInvalid").optional(),
);

export const ZConsultationInput = z.object({
  id: ZRequiredUuid("appError.vorlage.unknownConsultation"),
  position: z.coerce
    .number("appError.vorlage.positionRequired")
    .int("appError.vorlage.wholeNumber")
    .min(1, "appError.vorlage.positionFromOne")
    .max(50, "appError.vorlage.max50"),
  role: z.enum(["vorberatung", "entscheidung", "kenntnisnahme"], "appError.vorlage.roleRequired"),
  meetingDate: ZIsoDate("appError.vorlage.meetingDateInvalid"),
  submissionDeadline: ZOptionalDate,
});

/** A free-text part of the paper: trimmed, line breaks kept; empty (or only spaces) counts as not given. */
const ZPaperPart = (tooLong: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && hasVisibleText(v.trim()) ? v.trim().replace(/\r\n?/g, "\n") : undefined),
    z.string().max(max, tooLong).optional(),
  );

export const ZSubmitVorlage = z
  .object({
    conceptId: ZRequiredUuid("appError.common.unknownConcept"),
    paperType: z.enum(["informationsvorlage", "beschlussvorlage"], "appError.vorlage.kindRequired"),
    reference: z
      .string("appError.vorlage.referenceRequired")
      .trim()
      .min(3, "appError.vorlage.referenceRequiredExample")
      .max(40, "appError.vorlage.referenceTooLong")
      .regex(/^[A-Za-z0-9ÄÖÜäöü][A-Za-z0-9ÄÖÜäöü/._ -]*$/, "appError.vorlage.referenceCharacters"),
    paperDate: ZIsoDate("appError.vorlage.paperDateInvalid"),
    /** What the committees are asked to decide: required for a Beschlussvorlage, left out of an Informationsvorlage. */
    decisionProposal: ZPaperPart("appError.vorlage.decisionProposalTooLong", 5000).optional(),
    financialImpact: ZPaperPart("appError.vorlage.financialImpactTooLong", 5000).refine(
      (v) => v !== undefined,
      "appError.vorlage.financialImpactRequired",
    ),
    reasoning: ZPaperPart("appError.vorlage.reasoningTooLong", 20000).refine(
      (v) => v !== undefined,
      "appError.vorlage.reasoningRequired",
    ),
    /** Optional: without it the Beratungsfolge is submitted as the editor left it. */
    consultations: z.array(ZConsultationInput).min(1, "appError.vorlage.committeeRequired").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.paperType === "beschlussvorlage" && !v.decisionProposal)
      ctx.addIssue({
        code: "custom",
        path: ["decisionProposal"],
        message: "appError.vorlage.decisionProposalRequired",
      });
    if (!v.consultations) return;
    const positions = v.consultations.map((c) => c.position);
    if (new Set(positions).size !== positions.length)
      ctx.addIssue({
        code: "custom",
        path: ["consultations"],
        message: "appError.vorlage.positionTwice",
      });
    v.consultations.forEach((c, i) => {
      if (c.submissionDeadline && c.submissionDeadline > c.meetingDate)
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "submissionDeadline"],
          message: "appError.vorlage.submissionDeadlineAfterMeeting",
        });
    });
  });
export type SubmitVorlageInput = z.input<typeof ZSubmitVorlage>;

export const OUTCOMES = [
  "empfohlen",
  "nicht_empfohlen",
  "zur_kenntnis_genommen",
  "beschlossen",
  "geaendert_beschlossen",
  "vertagt",
  "zurueckverwiesen",
] as const;
export type Outcome = (typeof OUTCOMES)[number];
type ConsultationRole = "vorberatung" | "entscheidung" | "kenntnisnahme";

/**
 * Which outcome fits which step of the Beratungsfolge: a Vorberatung ends with a recommendation, the deciding
 * committee with a decision, a Kenntnisnahme with having taken note; any of them may postpone or refer back.
 */
export const OUTCOMES_BY_ROLE: Record<ConsultationRole, readonly Outcome[]> = {
  vorberatung: ["empfohlen", "nicht_empfohlen", "zur_kenntnis_genommen", "vertagt", "zurueckverwiesen"],
  entscheidung: ["beschlossen", "geaendert_beschlossen", "zur_kenntnis_genommen", "vertagt", "zurueckverwiesen"],
  kenntnisnahme: ["zur_kenntnis_genommen", "vertagt", "zurueckverwiesen"],
};

export const ZRecordOutcome = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  consultationId: ZRequiredUuid("appError.vorlage.unknownConsultation"),
  outcome: z.enum(OUTCOMES, "appError.vorlage.outcomeRequired"),
  outcomeDate: ZIsoDate("appError.vorlage.outcomeDateInvalid"),
});

export const ZDeliberationStep = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  transition: z
    .string("appError.workflow.unknownStep")
    .refine((id): id is TransitionId => VORLAGE_PAGE_STEPS.some((s) => s === id), "appError.workflow.unknownStep"),
});

const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZAskQuestion = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  /** Optional: the passage of the submitted text the question points at — its section, and the marked words. */
  sectionId: z.preprocess(emptyAsUnset, z.uuid("appError.vorlage.passageSectionUnknown").optional()),
  quote: z.preprocess(emptyAsUnset, z.string().trim().max(1000, "appError.vorlage.passageTooLong").optional()),
  body: z
    .string("appError.vorlage.questionRequired")
    .trim()
    .min(1, "appError.vorlage.questionRequired")
    .refine(hasVisibleText, "appError.vorlage.questionRequired")
    .max(5000, "appError.vorlage.questionTooLong"),
});

export const ZAnswerQuestion = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  questionId: ZRequiredUuid("appError.vorlage.unknownQuestion"),
  answer: z
    .string("appError.vorlage.answerRequired")
    .trim()
    .min(1, "appError.vorlage.answerRequired")
    .refine(hasVisibleText, "appError.vorlage.answerRequired")
    .max(5000, "appError.vorlage.answerTooLong"),
});

const ZConsultationRole = z.enum(["vorberatung", "entscheidung", "kenntnisnahme"], "appError.vorlage.roleRequired");
const ZConsultationDates = {
  meetingDate: ZIsoDate("appError.vorlage.meetingDateInvalid"),
  /** HH:MM (a browser's time field); stored as HH:MM:00. */
  meetingTime: z
    .string("appError.vorlage.meetingTimeInvalid")
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, "appError.vorlage.meetingTimeInvalid")
    .transform((v) => v.slice(0, 5)),
  submissionDeadline: ZOptionalDate,
};
const deadlineBeforeMeeting = (v: { meetingDate: string; submissionDeadline?: string }, ctx: z.RefinementCtx) => {
  if (v.submissionDeadline && v.submissionDeadline > v.meetingDate)
    ctx.addIssue({
      code: "custom",
      path: ["submissionDeadline"],
      message: "appError.vorlage.submissionDeadlineAfterMeeting",
    });
};

/** One change to the Beratungsfolge before submission: add a committee, change one, move it, or remove it. */
export const ZChangeBeratungsfolge = z.discriminatedUnion(
  "op",
  [
    z
      .object({
        op: z.literal("add"),
        conceptId: ZRequiredUuid("appError.common.unknownConcept"),
        committeeId: ZRequiredUuid("appError.vorlage.committeeChoice"),
        role: ZConsultationRole,
        ...ZConsultationDates,
      })
      .superRefine(deadlineBeforeMeeting),
    z
      .object({
        op: z.literal("update"),
        conceptId: ZRequiredUuid("appError.common.unknownConcept"),
        consultationId: ZRequiredUuid("appError.vorlage.unknownConsultation"),
        role: ZConsultationRole,
        ...ZConsultationDates,
      })
      .superRefine(deadlineBeforeMeeting),
    z.object({
      op: z.literal("move"),
      conceptId: ZRequiredUuid("appError.common.unknownConcept"),
      consultationId: ZRequiredUuid("appError.vorlage.unknownConsultation"),
      direction: z.enum(["up", "down"], "appError.common.unknownDirection"),
    }),
    z.object({
      op: z.literal("remove"),
      conceptId: ZRequiredUuid("appError.common.unknownConcept"),
      consultationId: ZRequiredUuid("appError.vorlage.unknownConsultation"),
    }),
  ],
  "appError.vorlage.unknownChange",
);
export type ChangeBeratungsfolgeInput = z.input<typeof ZChangeBeratungsfolge>;
