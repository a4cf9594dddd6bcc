import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { getEmailPreferences } from "@/lib/notifications/inbox";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("settingsTitle") };
}

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const prefs = await getEmailPreferences(await getDb(), actor);
  const t = await getTranslations("inbox");
  return (
    <ClientMessages namespaces={["inbox", "notificationKind"]}>
      <main id="inhalt" className="mx-auto max-w-3xl px-6 py-10">
        <p>
          <Link href="/benachrichtigungen">← {t("title")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("settingsTitle")}</h1>
        <p className="mt-2 text-muted">{t("settingsIntro")}</p>
        <PreferencesForm prefs={prefs} />
      </main>
    </ClientMessages>
  );
}
