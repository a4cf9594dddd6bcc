"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/notification-kinds";
import { savePreferencesAction } from "../actions";

export function PreferencesForm({ prefs }: { prefs: Record<NotificationKind, boolean> }) {
  const t = useTranslations("inbox");
  const tk = useTranslations("notificationKind");
  return (
    <ActionForm
      action={savePreferencesAction}
      resetOnSuccess={false}
      className="mt-6 rounded-lg border border-line bg-white p-6"
      label={t("settingsTitle")}
    >
      {({ pending }) => (
        <>
          <fieldset>
            <legend className="font-semibold">{t("emailFor")}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="mt-2 flex items-center gap-2">
                <input type="checkbox" name="email" value={kind} defaultChecked={prefs[kind]} /> {tk(kind)}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={pending} className="mt-4">
            {t("save")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
