"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { answerCommitteeQuestion, askCommitteeQuestion } from "@/lib/workflow/committee-questions";

const readingRoom = (input: Record<string, unknown>) =>
  typeof input.conceptId === "string" ? [`/konzepte/${input.conceptId}/lesesaal`] : [];

export const askQuestionAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => askCommitteeQuestion(db, actor, input),
  success: "readingRoom.asked",
  revalidate: readingRoom,
});

export const answerQuestionAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => answerCommitteeQuestion(db, actor, input),
  success: "readingRoom.answered",
  revalidate: readingRoom,
});
