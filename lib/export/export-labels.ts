import "server-only";
import { cleanText } from "./content-blocks";
import type { ExportDocument, SignoffStatus, SynopseRow } from "./export-document";

/** German wording shared by every export format, so PDF, DOCX and Markdown say the same thing. */
export const SIGNOFF_STATUS_LABELS: Record<SignoffStatus, string> = {
  zugestimmt: "Zugestimmt",
  zugestimmt_mit_anmerkungen: "Zugestimmt mit Anmerkungen",
  abgelehnt: "Abgelehnt",
  ausstehend: "Ausstehend",
};

const ROLE_LABELS: Record<string, string> = {
  vorberatung: "Vorberatung",
  entscheidung: "Entscheidung",
  kenntnisnahme: "Kenntnisnahme",
};

export function consultationRoleLabel(role: string): string {
  return ROLE_LABELS[role.toLowerCase()] ?? cleanText(role, false);
}

export function signoffStatusLabel(status: string): string {
  return SIGNOFF_STATUS_LABELS[status as SignoffStatus] ?? cleanText(status, false);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2021-12-16" → "16.12.2021"; date-times are shown in Berlin time. Anything unparsable is shown as given. */
export function formatDate(value: string | undefined): string {
  if (!value) return "";
  const plain = DATE.exec(value);
  if (plain) return `${plain[3]}.${plain[2]}.${plain[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return cleanText(value, false);
  return DAY.format(date);
}

// Building an Intl formatter is slow; these two are reused for every date of every export.
const DAY = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const DAY_TIME = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDateTime(value: string | undefined): string {
  if (!value) return "";
  if (DATE.test(value)) return formatDate(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return cleanText(value, false);
  return `${DAY_TIME.format(date)} Uhr`;
}

export type FrontMatter = {
  title: string;
  mandateLine: string;
  deadlineLine: string;
  mandateItems: string[];
  leadLine: string;
  versionLine: string;
  vorlageLine?: string;
  consultations: { committee: string; role: string; meetingDate: string }[];
};

/** The title page's content, identical in every format. */
export function frontMatter(doc: ExportDocument): FrontMatter {
  const m = doc.mandate;
  return {
    title: cleanText(doc.title, false) || "Konzept",
    mandateLine: `Ratsauftrag ${cleanText(m.reference, false)} vom ${formatDate(m.decisionDate)}`,
    deadlineLine: `Vorzulegen bis ${formatDate(m.deadline)}`,
    mandateItems: m.items.map((item) => cleanText(item, false)),
    leadLine: `Federführung: ${cleanText(doc.leadOrganisation, false)}`,
    versionLine: `${cleanText(doc.versionLabel, false)}, erstellt am ${formatDateTime(doc.generatedAt)}`,
    vorlageLine: doc.vorlage
      ? `${cleanText(doc.vorlage.type, false)} ${cleanText(doc.vorlage.reference, false)} vom ${formatDate(doc.vorlage.date)}`
      : undefined,
    consultations: (doc.consultations ?? []).map((c) => ({
      committee: cleanText(c.committee, false),
      role: consultationRoleLabel(c.role),
      meetingDate: formatDate(c.meetingDate),
    })),
  };
}

export function sectionHeading(section: { number: number; title: string }): string {
  return `${section.number}. ${cleanText(section.title, false)}`;
}

export const TOC_TITLE = "Inhaltsverzeichnis";
export const SIGNOFF_TITLE = "Mitzeichnung";
export const SYNOPSE_TITLE = "Anlage: Synopse der Stellungnahmen";
export const CONSULTATION_HEADERS = ["Gremium", "Beratung", "Sitzung"] as const;
export const SIGNOFF_HEADERS = ["Organisation", "Status", "Durch", "Am", "Anmerkungen"] as const;
export const SYNOPSE_HEADERS = [
  "Abschnitt",
  "Organisation",
  "Verfasst von",
  "Art",
  "Stellungnahme",
  "Entscheidung",
  "Begründung",
  "Ergebnis",
] as const;

export function signoffCells(signoff: NonNullable<ExportDocument["signoffs"]>[number]): string[] {
  return [
    cleanText(signoff.organisation, false),
    signoffStatusLabel(signoff.status),
    cleanText(signoff.by ?? "", false),
    formatDateTime(signoff.at),
    cleanText(signoff.remarks ?? ""),
  ];
}

export function synopseCells(row: SynopseRow): string[] {
  return [row.section, row.organisation, row.author, row.kind, row.text, row.decision, row.reason, row.result].map(
    (v) => cleanText(v),
  );
}

export const HASH_LABEL = "Prüfsumme der Fassung (SHA-256)";
export const AUDIT_HEAD_LABEL = "Stand des Protokolls bei Erstellung (Eintrag Nr.:SHA-256)";
export const MANDATE_TITLE = "Auftrag des Rates";
export const EMPTY_SECTION_TEXT = "Dieser Abschnitt enthält noch keinen Text.";

export function ownerLine(section: { owner: string }): string {
  return `Verantwortlich: ${cleanText(section.owner, false)}`;
}

/** The motion's wording, paragraph by paragraph (blank lines separate paragraphs, single newlines are kept). */
/**
 * The council paper's own parts, in the order a Vorlage carries them, each as a chapter title and its paragraphs
 * (blank lines separate paragraphs, single line breaks stay). Empty for an export that is not a Vorlage.
 */
export function paperParts(doc: ExportDocument): { title: string; paragraphs: string[] }[] {
  const v = doc.vorlage;
  if (!v) return [];
  return (
    [
      ["Beschlussvorschlag", v.decisionProposal],
      ["Finanzielle Auswirkungen", v.financialImpact],
      ["Begründung", v.reasoning],
    ] as const
  ).flatMap(([title, text]) => {
    const paragraphs = cleanText(text ?? "")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    return paragraphs.length ? [{ title, paragraphs }] : [];
  });
}

export function mandateParagraphs(doc: ExportDocument): string[] {
  return cleanText(doc.mandate.text)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
