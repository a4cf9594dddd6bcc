import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { listInbox } from "@/lib/notifications/inbox";
import { MarkReadButton } from "./mark-read-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  const actor = await requireActor();
  const items = await listInbox(await getDb(), actor);
  const t = await getTranslations("inbox");
  const tk = await getTranslations("notificationKind");
  const format = await getFormatter();
  const unread = items.filter((i) => !i.n.readAt).length;
  return (
    <main id="inhalt" className="mx-auto max-w-4xl px-6 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <div className="flex items-center gap-4">
          <Link href="/benachrichtigungen/einstellungen">{t("settings")}</Link>
          {unread ? <MarkReadButton all label={t("markAllRead")} /> : null}
        </div>
      </div>
      <p className="mt-2 text-muted">{t("unreadCount", { count: unread })}</p>
      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-line bg-white p-6">{t("empty")}</p>
      ) : (
        <ul className="mt-6 flex flex-col gap-3">
          {items.map(({ n, conceptTitle }) => (
            <li key={n.id} className={`rounded-lg border bg-white p-4 ${n.readAt ? "border-line" : "border-brand"}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="flex flex-wrap items-center gap-2">
                    {!n.readAt ? <Badge tone="info">{t("unread")}</Badge> : null}
                    <Badge>{tk(n.kind as "mention")}</Badge>
                    <span className="text-sm text-muted">
                      {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </p>
                  <p className="mt-1 font-semibold">
                    <Link href={n.link}>{n.title}</Link>
                  </p>
                  {conceptTitle ? <p className="text-sm text-muted">{conceptTitle}</p> : null}
                  {n.body ? <p className="mt-1 whitespace-pre-line">{n.body}</p> : null}
                </div>
                {!n.readAt ? (
                  <MarkReadButton
                    id={n.id}
                    label={t("markRead")}
                    accessibleName={t("markReadOf", { title: n.title })}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
