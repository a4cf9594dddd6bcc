import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/forms/action-form";
import { PlanningSettingsForm } from "./planning-settings-form";
import { daysBetween } from "@/lib/clock";
import type { ConceptPlan } from "@/lib/planning/get-concept-plan";
import { ScrollBox } from "../ui/scroll-box";

const WIDTH = 960;
const HEIGHT = 120;
const PAD = 90;

/**
 * The plan as a picture and, with exactly the same dates, as a table: the SVG is decorative for screen
 * readers (aria-hidden), the table carries the information.
 */
export async function DeadlineTimeline({
  plan,
  settings,
}: {
  plan: ConceptPlan;
  /** The lead's form for the planning parameters, with the action that saves them. */
  settings?: {
    conceptId: string;
    submissionLeadDays: number;
    signoffDays: number;
    revisionDays: number;
    reminderDays: number;
    action: FormAction;
  };
}) {
  const t = await getTranslations("planning");
  const format = await getFormatter();
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  const dates = [...plan.milestones.map((m) => m.date), plan.today].sort();
  const first = dates[0]!;
  const span = Math.max(1, daysBetween(first, dates.at(-1)!));
  const x = (d: string) => Math.round((PAD + ((WIDTH - 2 * PAD) * daysBetween(first, d)) / span) * 10) / 10;
  const label = (m: ConceptPlan["milestones"][number]) => t(`milestone.${m.kind}`, { committee: m.committee ?? "" });
  const tone = plan.state === "ueberfaellig" ? "danger" : plan.state === "gefaehrdet" ? "warn" : "ok";
  return (
    <section aria-labelledby="zeitplan" className="mt-8 card">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="zeitplan" className="text-xl font-bold">
          {t("title")}
        </h2>
        <Badge tone={tone}>{t(`state.${plan.state}`)}</Badge>
      </div>
      <p className="mt-1 text-sm text-muted">{t("asOf", { date: day(plan.today) })}</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-4 w-full" aria-hidden="true" focusable="false">
        <line x1={PAD} x2={WIDTH - PAD} y1={60} y2={60} stroke="#4a5360" strokeWidth={2} />
        {/* Shared attributes on the groups, positions to a tenth: each milestone costs the page a third as much. */}
        <g stroke="#1b1f24" strokeWidth={2}>
          {plan.milestones.map((m, i) => (
            <circle
              key={i}
              cx={x(m.date)}
              cy={60}
              r={7}
              fill={m.reached ? "#1d6b36" : m.overdue ? "#b3261e" : "#fff"}
            />
          ))}
        </g>
        <g textAnchor="middle" fontSize={12} fill="#1b1f24">
          {plan.milestones.map((m, i) => (
            <text key={i} x={x(m.date)} y={i % 2 ? 95 : 35}>
              {m.kind === "sitzung" || m.kind === "vorlagenfrist"
                ? `${m.kind === "sitzung" ? "⌂" : "✉"} ${m.committee}`
                : label(m)}
            </text>
          ))}
        </g>
        <line
          x1={x(plan.today)}
          x2={x(plan.today)}
          y1={15}
          y2={105}
          stroke="#0b5cad"
          strokeWidth={2}
          strokeDasharray="4 3"
        />
        <text x={x(plan.today)} y={12} textAnchor="middle" fontSize={12} fill="#0b5cad">
          {t("today")}
        </text>
      </svg>
      <ScrollBox label={t("caption")} className="mt-4">
        <table className="data-table data-table-dated text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("milestoneCol")}</th>
              <th scope="col">{t("stateCol")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.milestones.map((m, i) => (
              <tr key={i}>
                <td>{format.dateTime(day(m.date), { dateStyle: "medium" })}</td>
                <td>{label(m)}</td>
                <td>
                  {m.reached ? (
                    <Badge tone="ok">{t("reached")}</Badge>
                  ) : m.overdue ? (
                    <Badge tone="danger">{t("overdue")}</Badge>
                  ) : (
                    <Badge>{t("open")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {settings ? (
        <PlanningSettingsForm
          conceptId={settings.conceptId}
          settings={{
            submissionLeadDays: settings.submissionLeadDays,
            signoffDays: settings.signoffDays,
            revisionDays: settings.revisionDays,
            reminderDays: settings.reminderDays,
          }}
          action={settings.action}
          labels={{
            settings: t("settings"),
            submissionLeadDays: t("submissionLeadDays"),
            signoffDays: t("signoffDays"),
            revisionDays: t("revisionDays"),
            reminderDays: t("reminderDays"),
            saveSettings: t("saveSettings"),
          }}
        />
      ) : null}
    </section>
  );
}
