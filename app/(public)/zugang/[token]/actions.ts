"use server";

import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { formDataToObject } from "@/lib/http/form-data";
import { redeemOneTimeLink } from "@/lib/users/redeem-one-time-link";
import { ZRedeemLink } from "@/lib/users/user-admin-schemas";

/** Public: the token is the credential. Returns the e-mail so the page can sign in with the new password. */
export async function redeemLinkAction(_: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const input = parseOrThrow(ZRedeemLink, formDataToObject(formData));
    return redeemOneTimeLink(await getDb(), input);
  });
}
