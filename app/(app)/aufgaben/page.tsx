import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/actor";
import { countOpenTasks, type Task } from "@/lib/tasks/list-my-tasks";
import { getMyTasks } from "./my-tasks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("title") };
}

const day = (d: string) => new Date(`${d}T12:00:00Z`);

export default async function TasksPage() {
  const actor = await requireActor();
  const { tasks, today } = await getMyTasks(actor);
  const t = await getTranslations("tasks");
  const tm = await getTranslations("planning.milestone");
  const format = await getFormatter();
  const open = countOpenTasks(tasks);
  const sentence = (task: Task) => {
    if (task.kind === "deadline") {
      const kind = task.milestone?.kind as "konsultationsende" | "mitzeichnung" | "vorlagenfrist";
      return t("kind.deadline", { milestone: tm(kind, { committee: task.milestone?.committee ?? "" }) });
    }
    if (task.kind === "weighSuggestions")
      return t("kind.weighSuggestions", { subject: task.subject, count: task.count ?? 1 });
    return t(`kind.${task.kind}`, { subject: task.subject });
  };
  return (
    <main id="inhalt" className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-muted">
        {t("summary", { count: open })} · {t("asOf", { date: day(today) })}
      </p>
      {tasks.length === 0 ? (
        <div className="mt-8 rounded-lg border border-line bg-white p-6">
          <p className="font-semibold">{t("emptyTitle")}</p>
          <p className="mt-2">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="mt-6 flex flex-col gap-3" aria-label={t("listLabel")}>
          {tasks.map((task, i) => (
            <li
              key={`${task.href}-${i}`}
              className={`rounded-lg border bg-white p-4 ${task.overdue ? "border-danger" : "border-line"}`}
            >
              <p className="flex flex-wrap items-center gap-2 text-sm">
                {task.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
                {task.kind === "deadline" ? <Badge tone="info">{t("deadlineBadge")}</Badge> : null}
                {task.due ? (
                  <time dateTime={task.due} className="text-muted">
                    {t("dueOn", { date: day(task.due) })}
                  </time>
                ) : (
                  <span className="text-muted">{t("noDue")}</span>
                )}
              </p>
              <p className="mt-1 font-semibold">
                <Link href={task.href}>{sentence(task)}</Link>
              </p>
              <p className="text-sm text-muted">{task.conceptTitle}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-8 text-sm text-muted">
        {t("footer", { formatted: format.dateTime(day(today), { dateStyle: "long" }) })}
      </p>
    </main>
  );
}
