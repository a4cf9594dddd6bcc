"use server";

import { openBreakGlass } from "@/lib/concepts/open-break-glass";
import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";

/** Break-glass access (docs/decisions/0011): with a reason, audited, the lead told; then on to the Protokoll. */
export const openBreakGlassAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => openBreakGlass(db, actor, input),
  redirect: ({ conceptId }) => `/konzepte/${conceptId}/protokoll?notfallzugriff=1`,
});
