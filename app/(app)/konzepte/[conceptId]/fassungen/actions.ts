"use server";

import { createFassung } from "@/lib/fassungen/create-fassung";
import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";

export const createFassungAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => createFassung(db, actor, input),
  success: (created, input) => ({
    key: "fassungen.created",
    params: { name: String(input.name ?? "").trim(), count: created.sectionCount },
  }),
  revalidate: (input) => [`/konzepte/${String(input.conceptId)}/fassungen`],
});
