"use server";

import { definePublicAction } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { redeemOneTimeLink } from "@/lib/users/redeem-one-time-link";

/** Public: the token is the credential. Returns the e-mail so the page can sign in with the new password. */
export const redeemLinkAction = definePublicAction({
  input: formDataToObject,
  run: ({ db }, input) => redeemOneTimeLink(db, input),
});
