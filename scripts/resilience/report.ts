import fs from "node:fs";
import path from "node:path";

export type Report = {
  startedAt: string;
  machine: string;
  durationSeconds?: number;
  sections: { title: string; rows: [string, string][] }[];
  violations: string[];
};

const BEGIN = "<!-- resilience:begin -->";
const END = "<!-- resilience:end -->";

/** Prints the figures and replaces the measured block in docs/reliability.md with them. */
export function writeReport(report: Report) {
  const lines = [
    `Run of ${report.startedAt.slice(0, 16).replace("T", " ")} UTC, ${report.durationSeconds ?? "?"} s in total, ${report.machine}.`,
    `Result: ${report.violations.length === 0 ? "**passed** – no violation." : `**failed** – ${report.violations.length} violation(s).`}`,
    "",
  ];
  for (const section of report.sections) {
    lines.push(`#### ${section.title}`, "", "| Measure | Value |", "|---|---|");
    for (const [k, v] of section.rows) lines.push(`| ${k} | ${v.replaceAll("|", "\\|")} |`);
    lines.push("");
  }
  if (report.violations.length) {
    lines.push("#### Violations", "");
    for (const v of report.violations) lines.push(`- ${v.split("\n")[0]}`);
    lines.push("");
  }
  const block = lines.join("\n");
  console.log(`\n${block}`);
  const file = path.join("docs", "reliability.md");
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  fs.writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n${block}\n${text.slice(end)}`);
}
