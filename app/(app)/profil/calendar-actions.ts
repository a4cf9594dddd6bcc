"use server";

import { defineAction } from "@/lib/http/define-action";
import { createCalendarToken, revokeCalendarToken } from "@/lib/planning/calendar-feed";

const create = defineAction({
  input: () => ({}),
  run: ({ db, actor }) => createCalendarToken(db, actor),
  success: "feedback.calendarLinkCreated",
  revalidate: () => ["/profil"],
});
const revoke = defineAction({
  input: () => ({}),
  run: ({ db, actor }) => revokeCalendarToken(db, actor),
  success: "feedback.calendarLinkDeleted",
  revalidate: () => ["/profil"],
});

/** Called by the profile's buttons without a form. */
export async function createCalendarLinkAction() {
  return create(null, new FormData());
}

export async function revokeCalendarLinkAction() {
  return revoke(null, new FormData());
}
