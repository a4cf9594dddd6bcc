"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { addParticipant } from "@/lib/participants/add-participant";
import { changeParticipantRole, removeParticipant } from "@/lib/participants/change-participant";

/** The concept and the start page (its list of concepts shows who takes part). */
const concept = (input: Record<string, unknown>) => [
  { layout: `/konzepte/${String(input.conceptId)}` },
  { layout: "/" },
];

export const addParticipantAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => addParticipant(db, actor, input),
  success: "feedback.participantAdded",
  revalidate: concept,
});

export const changeParticipantRoleAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => changeParticipantRole(db, actor, input),
  success: "feedback.roleChanged",
  revalidate: concept,
});

/** Whoever removed their own access to the concept goes back to the start page. */
export const removeParticipantAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => removeParticipant(db, actor, input),
  success: "feedback.participantRemoved",
  revalidate: concept,
  redirect: ({ removedOwnAccess }) => (removedOwnAccess ? "/" : undefined),
});
