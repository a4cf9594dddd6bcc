"use server";

import { defineAction, fields } from "@/lib/http/define-action";
import { markNotificationsRead, setEmailPreferences } from "@/lib/notifications/inbox";
import type { NotificationKind } from "@/lib/notifications/notification-kinds";

export const markReadAction = defineAction({
  input: (form: FormData) => ({ ids: fields(form, "id"), all: form.get("all") === "true" }),
  run: ({ db, actor }, input) => markNotificationsRead(db, actor, input),
  success: "feedback.markedRead",
  revalidate: () => [{ layout: "/" }],
});

export const savePreferencesAction = defineAction({
  input: (form: FormData) => fields(form, "email") as NotificationKind[],
  run: ({ db, actor }, kinds) => setEmailPreferences(db, actor, kinds),
  success: "feedback.settingsSaved",
  revalidate: () => ["/benachrichtigungen/einstellungen"],
});
