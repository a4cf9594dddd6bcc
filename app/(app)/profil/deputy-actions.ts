"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { nameDeputy, removeDeputy } from "@/lib/organisations/signoff-deputies";

/** Naming and ending a Vertretung: from the profile (the organisation's signers) and the administration. */
export const nameDeputyAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => nameDeputy(db, actor, input),
  success: (data) => ({ key: "deputies.named", params: { name: data.name } }),
  revalidate: () => [{ layout: "/" }],
});

export const removeDeputyAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => removeDeputy(db, actor, input),
  success: "deputies.removed",
  revalidate: () => [{ layout: "/" }],
});
