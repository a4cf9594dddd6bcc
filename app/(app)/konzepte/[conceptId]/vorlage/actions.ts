"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { changeBeratungsfolge } from "@/lib/workflow/change-beratungsfolge";
import { takeDeliberationStep } from "@/lib/workflow/deliberation";
import { recordOutcome } from "@/lib/workflow/record-outcome";
import { submitVorlage } from "@/lib/workflow/submit-vorlage";
import type { ChangeBeratungsfolgeInput, SubmitVorlageInput } from "@/lib/workflow/vorlage-schemas";

const concept = (input: Record<string, unknown>) =>
  typeof input.conceptId === "string" ? [{ layout: `/konzepte/${input.conceptId}` }] : [];

export const submitVorlageAction = defineAction({
  input: (form: FormData) => {
    const raw = formDataToObject(form);
    return {
      conceptId: raw.conceptId,
      paperType: raw.paperType,
      reference: raw.reference,
      paperDate: raw.paperDate,
      decisionProposal: raw.decisionProposal,
      financialImpact: raw.financialImpact,
      reasoning: raw.reasoning,
    } as SubmitVorlageInput;
  },
  run: ({ db, actor }, input) => submitVorlage(db, actor, input),
  success: "vorlage.submitted",
  revalidate: concept,
});

export const changeBeratungsfolgeAction = defineAction({
  input: (form: FormData) => formDataToObject(form) as ChangeBeratungsfolgeInput,
  run: ({ db, actor }, input) => changeBeratungsfolge(db, actor, input),
  success: "vorlage.folgeEditor.saved",
  revalidate: concept,
});

export const recordOutcomeAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => recordOutcome(db, actor, input),
  success: "vorlage.outcomeSaved",
  revalidate: concept,
});

export const deliberationStepAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => takeDeliberationStep(db, actor, input),
  success: "vorlage.stepTaken",
  revalidate: concept,
});
