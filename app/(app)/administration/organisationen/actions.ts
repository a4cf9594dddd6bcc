"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { setOrganisationActive } from "@/lib/organisations/set-organisation-active";
import { updateOrganisation } from "@/lib/organisations/update-organisation";

const administration = () => [{ layout: "/administration" }];

export const createOrganisationAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => createOrganisation(db, actor, input),
  success: "feedback.organisationCreated",
  revalidate: administration,
});

export const updateOrganisationAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => updateOrganisation(db, actor, input),
  success: "feedback.saved",
  revalidate: administration,
});

export const setOrganisationActiveAction = defineAction({
  input: (form: FormData): Record<string, unknown> => ({
    ...formDataToObject(form),
    active: form.get("active") === "true",
  }),
  run: ({ db, actor }, input) => setOrganisationActive(db, actor, input),
  success: (_, input) => (input.active ? "feedback.reactivated" : "feedback.deactivated"),
  revalidate: administration,
});
