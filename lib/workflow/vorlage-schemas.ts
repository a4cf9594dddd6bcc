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
    /** Optional: without it the Beratungsfolge is submitted as the editor left it. */
    consultations: z.array(ZConsultationInput).min(1, "appError.vorlage.committeeRequired").optional(),
  })
  .superRefine((v, ctx) => {
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
  "zur_kenntnis_genommen",
  "beschlossen",
  "geaendert_beschlossen",
  "vertagt",
  "zurueckverwiesen",
] as const;

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

export const ZAskQuestion = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
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
