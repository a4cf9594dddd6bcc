"use server";

import type { MessageKey } from "@/i18n/message";
import { defineAction, field } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { setPlanningSettings } from "@/lib/planning/set-planning-settings";
import { setSectionStatus } from "@/lib/workflow/set-section-status";
import { setSectionsStatus } from "@/lib/workflow/set-sections-status";
import { transitionConcept } from "@/lib/workflow/transition-concept";

const concept = (input: Record<string, unknown>) => [{ layout: `/konzepte/${String(input.conceptId)}` }];

/** A workflow step from the panel: the service decides; the answer names the step and the new status. */
export const transitionConceptAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => transitionConcept(db, actor, input),
  success: ({ to }, input) => ({
    key: "workflow.done",
    params: {
      step: { key: `workflow.transition.${String(input.transition)}` as MessageKey },
      status: { key: `status.${to}` },
    },
  }),
  revalidate: concept,
});

export const setSectionStatusAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => setSectionStatus(db, actor, input),
  success: (_, input) => ({
    key: "workflow.sectionMoved",
    params: { title: String(input.title ?? ""), status: { key: `sectionStatus.${String(input.to)}` as MessageKey } },
  }),
  revalidate: concept,
});

export const setPlanningSettingsAction = defineAction({
  input: (form: FormData) => ({
    conceptId: field(form, "conceptId") ?? "",
    submissionLeadDays: form.get("submissionLeadDays"),
    signoffDays: form.get("signoffDays"),
    revisionDays: form.get("revisionDays"),
    reminderDays: form.get("reminderDays") ?? undefined,
  }),
  run: ({ db, actor }, input) => setPlanningSettings(db, actor, input),
  success: "feedback.planningSaved",
  revalidate: (input) => [`/konzepte/${input.conceptId}`],
});

/** The lead moves every section that can in one step ("zur Abstimmung" or "abgestimmt"); each move is audited. */
export const setSectionsStatusAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => setSectionsStatus(db, actor, input),
  success: ({ moved }, input) => ({
    key: "workflow.sectionsMoved",
    params: { count: moved, status: { key: `sectionStatus.${String(input.to)}` as MessageKey } },
  }),
  revalidate: concept,
});
