"use server";

import { defineAction, fields } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { setRequiredSignoffs } from "@/lib/workflow/set-required-signoffs";
import { signOff } from "@/lib/workflow/sign-off";

const concept = (input: Record<string, unknown>) => [{ layout: `/konzepte/${String(input.conceptId)}` }];

export const signOffAction = defineAction({
  input: (form: FormData): Record<string, unknown> => {
    const raw = formDataToObject(form);
    return { ...raw, organisationId: raw.organisationId || undefined, remarks: raw.remarks || undefined };
  },
  run: ({ db, actor }, input) => signOff(db, actor, input),
  success: (done) => ({
    key: done.rejected ? "signoff.rejectedDone" : "signoff.signed",
    params: { organisation: done.organisationName },
  }),
  revalidate: concept,
});

export const setRequiredSignoffsAction = defineAction({
  input: (form: FormData): Record<string, unknown> => ({
    ...formDataToObject(form),
    organisationIds: fields(form, "organisationIds"),
  }),
  run: ({ db, actor }, input) => setRequiredSignoffs(db, actor, input),
  success: ({ names }) => ({ key: "signoff.requiredSaved", params: { names: names.join(", ") } }),
  revalidate: concept,
});
