"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { restoreSectionRevision } from "@/lib/sections/restore-section-revision";

export const restoreRevisionAction = defineAction({
  input: formDataToObject,
  run: async ({ db, actor }, input) => {
    const outcome = await restoreSectionRevision(db, actor, input);
    return { version: outcome.version, saved: outcome.status === "saved" };
  },
  success: ({ version, saved }, input) =>
    saved ? { key: "history.restored", params: { number: Number(input.number), version } } : "history.restoreUnchanged",
  revalidate: (input) => [{ layout: `/konzepte/${String(input.conceptId)}` }],
});
