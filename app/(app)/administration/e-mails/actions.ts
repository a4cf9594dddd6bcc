"use server";

import { defineAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { retryMail } from "@/lib/mail/retry-mail";

export const retryMailAction = defineAction({
  input: formDataToObject,
  run: ({ db, actor }, input) => retryMail(db, actor, input),
  success: "feedback.mailRetry",
  revalidate: () => [{ layout: "/administration" }],
});
