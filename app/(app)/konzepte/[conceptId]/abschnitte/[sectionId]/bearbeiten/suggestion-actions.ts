"use server";

import { defineAction, field } from "@/lib/http/define-action";
import { decideOrganisationSuggestions, decideSuggestion } from "@/lib/suggestions/decide-suggestions";

const pages = (input: { conceptId?: string; sectionId?: string }) => [
  `/konzepte/${input.conceptId}/abschnitte/${input.sectionId}`,
  `/konzepte/${input.conceptId}/synopse`,
];
const decision = (form: FormData) => ({
  conceptId: field(form, "conceptId"),
  sectionId: field(form, "sectionId"),
  decision: field(form, "decision"),
  reason: field(form, "reason")?.trim() || undefined,
});

/** Decides one suggestion of the live text; the text changes for everyone connected. */
export const decideSuggestionAction = defineAction({
  input: (form: FormData) => ({ ...decision(form), suggestionId: field(form, "suggestionId") }),
  run: ({ db, actor }, input) => decideSuggestion(db, actor, input),
  // The suggestion list says the outcome (the decided suggestion may leave the list before the answer arrives).
  revalidate: pages,
});

/** Decides every open suggestion of one organisation in the section, each recorded. */
export const decideOrganisationSuggestionsAction = defineAction({
  input: (form: FormData) => ({ ...decision(form), organisationId: field(form, "organisationId") }),
  run: ({ db, actor }, input) => decideOrganisationSuggestions(db, actor, input),
  // The suggestion list says the outcome (the decided suggestion may leave the list before the answer arrives).
  revalidate: pages,
});
