"use server";

import { CONCEPT_FORM_ARRAYS, conceptFormToInput } from "@/lib/concepts/concept-schemas";
import { createConceptFromMandate } from "@/lib/concepts/create-concept-from-mandate";
import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";

export const createConceptAction = defineAction({
  input: (form: FormData) => conceptFormToInput(formDataToObject(form, CONCEPT_FORM_ARRAYS)),
  run: ({ db, actor }, input) => createConceptFromMandate(db, actor, input),
  revalidate: () => [{ layout: "/" }],
  redirect: ({ conceptId }) => `/konzepte/${conceptId}/beteiligte?neu=1`,
});
