import { z } from "zod";
import { hasVisibleText, ZIsoDate, ZRequiredUuid } from "@/lib/validation/fields";
import { stepsOfferedIn, type TransitionId } from "./transitions";

/** The deliberation steps the Vorlage page offers (refer back, Beraten, Abgeschlossen), from the transition table. */
const VORLAGE_PAGE_STEPS = stepsOfferedIn("vorlagePage");

const ZOptionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  ZIsoDate("Bitte ein gültiges Datum angeben.").optional(),
);

export const ZConsultationInput = z.object({
  id: ZRequiredUuid("Unbekannte Beratung."),
  position: z.coerce
    .number("Bitte eine Reihenfolge angeben.")
    .int("Bitte eine ganze Zahl angeben.")
    .min(1, "Die Reihenfolge beginnt bei 1.")
    .max(50, "Höchstens 50."),
  role: z.enum(["vorberatung", "entscheidung", "kenntnisnahme"], "Bitte eine Rolle wählen."),
  meetingDate: ZIsoDate("Bitte ein gültiges Sitzungsdatum angeben."),
  submissionDeadline: ZOptionalDate,
});

export const ZSubmitVorlage = z
  .object({
    conceptId: ZRequiredUuid("Unbekanntes Konzept."),
    paperType: z.enum(["informationsvorlage", "beschlussvorlage"], "Bitte die Art der Vorlage wählen."),
    reference: z
      .string("Bitte eine Vorlagennummer angeben.")
      .trim()
      .min(3, "Bitte eine Vorlagennummer angeben, z. B. AGS/029/2022.")
      .max(40, "Die Vorlagennummer darf höchstens 40 Zeichen haben.")
      .regex(
        /^[A-Za-z0-9ÄÖÜäöü][A-Za-z0-9ÄÖÜäöü/._ -]*$/,
        "Nur Buchstaben, Ziffern, Schrägstrich, Punkt und Bindestrich, z. B. AGS/029/2022.",
      ),
    paperDate: ZIsoDate("Bitte ein gültiges Datum der Vorlage angeben."),
    /** Optional: without it the Beratungsfolge is submitted as the editor left it. */
    consultations: z
      .array(ZConsultationInput)
      .min(1, "Die Beratungsfolge braucht mindestens einen Ausschuss.")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.consultations) return;
    const positions = v.consultations.map((c) => c.position);
    if (new Set(positions).size !== positions.length)
      ctx.addIssue({
        code: "custom",
        path: ["consultations"],
        message: "Jede Position der Beratungsfolge darf nur einmal vorkommen.",
      });
    v.consultations.forEach((c, i) => {
      if (c.submissionDeadline && c.submissionDeadline > c.meetingDate)
        ctx.addIssue({
          code: "custom",
          path: ["consultations", i, "submissionDeadline"],
          message: "Die Vorlagenfrist muss vor der Sitzung liegen.",
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
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  consultationId: ZRequiredUuid("Unbekannte Beratung."),
  outcome: z.enum(OUTCOMES, "Bitte ein Ergebnis wählen."),
  outcomeDate: ZIsoDate("Bitte ein gültiges Datum des Ergebnisses angeben."),
});

export const ZDeliberationStep = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  transition: z
    .string("Unbekannter Schritt.")
    .refine((id): id is TransitionId => VORLAGE_PAGE_STEPS.some((s) => s === id), "Unbekannter Schritt."),
});

export const ZAskQuestion = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  body: z
    .string("Bitte eine Frage eingeben.")
    .trim()
    .min(1, "Bitte eine Frage eingeben.")
    .refine(hasVisibleText, "Bitte eine Frage eingeben.")
    .max(5000, "Die Frage darf höchstens 5 000 Zeichen haben."),
});

export const ZAnswerQuestion = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  questionId: ZRequiredUuid("Unbekannte Rückfrage."),
  answer: z
    .string("Bitte eine Antwort eingeben.")
    .trim()
    .min(1, "Bitte eine Antwort eingeben.")
    .refine(hasVisibleText, "Bitte eine Antwort eingeben.")
    .max(5000, "Die Antwort darf höchstens 5 000 Zeichen haben."),
});

const ZConsultationRole = z.enum(["vorberatung", "entscheidung", "kenntnisnahme"], "Bitte eine Rolle wählen.");
const ZConsultationDates = {
  meetingDate: ZIsoDate("Bitte ein gültiges Sitzungsdatum angeben."),
  submissionDeadline: ZOptionalDate,
};
const deadlineBeforeMeeting = (v: { meetingDate: string; submissionDeadline?: string }, ctx: z.RefinementCtx) => {
  if (v.submissionDeadline && v.submissionDeadline > v.meetingDate)
    ctx.addIssue({
      code: "custom",
      path: ["submissionDeadline"],
      message: "Die Vorlagenfrist muss vor der Sitzung liegen.",
    });
};

/** One change to the Beratungsfolge before submission: add a committee, change one, move it, or remove it. */
export const ZChangeBeratungsfolge = z.discriminatedUnion(
  "op",
  [
    z
      .object({
        op: z.literal("add"),
        conceptId: ZRequiredUuid("Unbekanntes Konzept."),
        committeeId: ZRequiredUuid("Bitte ein Gremium wählen."),
        role: ZConsultationRole,
        ...ZConsultationDates,
      })
      .superRefine(deadlineBeforeMeeting),
    z
      .object({
        op: z.literal("update"),
        conceptId: ZRequiredUuid("Unbekanntes Konzept."),
        consultationId: ZRequiredUuid("Unbekannte Beratung."),
        role: ZConsultationRole,
        ...ZConsultationDates,
      })
      .superRefine(deadlineBeforeMeeting),
    z.object({
      op: z.literal("move"),
      conceptId: ZRequiredUuid("Unbekanntes Konzept."),
      consultationId: ZRequiredUuid("Unbekannte Beratung."),
      direction: z.enum(["up", "down"], "Unbekannte Richtung."),
    }),
    z.object({
      op: z.literal("remove"),
      conceptId: ZRequiredUuid("Unbekanntes Konzept."),
      consultationId: ZRequiredUuid("Unbekannte Beratung."),
    }),
  ],
  "Unbekannte Änderung der Beratungsfolge.",
);
export type ChangeBeratungsfolgeInput = z.input<typeof ZChangeBeratungsfolge>;
