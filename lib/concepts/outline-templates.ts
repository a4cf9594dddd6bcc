/**
 * Outlines a new concept can start from. Only section titles are taken: owners are assigned by the lead
 * once the participants are known, and the text is written for the new mandate.
 */
export type OutlineTemplate = { id: string; name: string; sectionTitles: readonly string[] };

/** The outline of the Welcome Points concept (RAT/676/2021); the demo concept is written on it. */
export const WELCOME_POINTS_SECTION_TITLES = [
  "Ausgangslage und Auftrag",
  "Ergebnisse der Evaluation",
  "Inhaltliche Weiterentwicklung",
  "Verstetigung in der Gemeinwesenarbeit",
  "Prüfung der Anbindung an die Familienzentren",
  "Standorte und Träger je Stadtbezirk",
  "Finanzierung",
  "Zeitplan und nächste Schritte",
] as const;

export const OUTLINE_TEMPLATES: readonly OutlineTemplate[] = [
  { id: "welcome-points", name: "Welcome Points (RAT/676/2021)", sectionTitles: WELCOME_POINTS_SECTION_TITLES },
];

export function findOutlineTemplate(id: string): OutlineTemplate | undefined {
  return OUTLINE_TEMPLATES.find((t) => t.id === id);
}
