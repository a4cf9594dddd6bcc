/** Section status as data: the lead moves sections towards agreement; an edit sends one back to Entwurf. */
export type SectionStatus = "entwurf" | "zur_abstimmung" | "abgestimmt";

export const SECTION_STATUS_MOVES: Readonly<Record<SectionStatus, readonly SectionStatus[]>> = {
  entwurf: ["zur_abstimmung"],
  zur_abstimmung: ["abgestimmt", "entwurf"],
  abgestimmt: ["entwurf"],
};

export function canMoveSectionStatus(from: SectionStatus, to: SectionStatus): boolean {
  return SECTION_STATUS_MOVES[from].includes(to);
}
