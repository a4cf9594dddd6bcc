import { SECTIONS as WELCOME_POINTS_SECTIONS } from "@/db/seed/welcome-points";

/**
 * Outlines a new concept can start from. Only section titles are taken: owners are assigned by the lead
 * once the participants are known, and the text is written for the new mandate.
 */
export type OutlineTemplate = { id: string; name: string; sectionTitles: readonly string[] };

export const OUTLINE_TEMPLATES: readonly OutlineTemplate[] = [
  {
    id: "welcome-points",
    name: "Welcome Points (RAT/676/2021)",
    sectionTitles: WELCOME_POINTS_SECTIONS.map((s) => s.title),
  },
];

export function findOutlineTemplate(id: string): OutlineTemplate | undefined {
  return OUTLINE_TEMPLATES.find((t) => t.id === id);
}
