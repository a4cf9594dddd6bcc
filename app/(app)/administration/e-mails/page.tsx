import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { readEnv } from "@/config/env";
import { orNotFound } from "@/lib/http/page-guard";
import { listOutbox } from "@/lib/mail/list-outbox";
import { RetryButton } from "./retry-button";
import { ScrollBox } from "@/components/ui/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const actor = await requireActor();
  const { problems, totals } = await orNotFound(listOutbox(await getDb(), actor));
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const mode = readEnv().SMTP_URL ? t("modeSmtp") : t("modeFiles");
  return (
    <ClientMessages namespaces={["outbox", "form"]}>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">
        {t("intro")} {mode}
      </p>
      <dl className="mt-6 grid max-w-xl grid-cols-3 gap-4">
        {(["pending", "sent", "failed"] as const).map((s) => (
          <div key={s} className="rounded-lg border border-line bg-white p-4">
            <dt className="text-sm text-muted">{t(`total_${s}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{totals[s]}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-10 text-xl font-bold">{t("problemsTitle")}</h2>
      {problems.length === 0 ? (
        <p className="mt-2">{t("noProblems")}</p>
      ) : (
        <ScrollBox label={t("tableCaption")} className="mt-3 rounded-lg border border-line bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="px-4 py-2">
                  {t("recipient")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("status")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("lastError")}
                </th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {problems.map((m) => (
                <tr key={m.id} className="border-b border-line align-top last:border-0">
                  <td className="px-4 py-3">
                    <span className="font-semibold">{m.toAddress}</span>
                    <span className="block text-sm text-muted">{m.subject}</span>
                    <span className="block text-sm text-muted">
                      {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    {m.status === "failed" ? (
                      <Badge tone="danger">{t("failed")}</Badge>
                    ) : (
                      <Badge tone="warn">{t("retrying")}</Badge>
                    )}
                    <span className="mt-1 block text-sm text-muted">{t("attempts", { count: m.attempts })}</span>
                    {m.status === "pending" ? (
                      <span className="block text-sm text-muted">
                        {t("nextAttempt", {
                          date: format.dateTime(m.nextAttemptAt, { dateStyle: "short", timeStyle: "short" }),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className="max-w-md px-4 py-3 font-mono text-sm break-words">{m.lastError}</td>
                  <td className="px-4 py-3">
                    {m.status === "failed" ? <RetryButton mailId={m.id} to={m.toAddress} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </ClientMessages>
  );
}
