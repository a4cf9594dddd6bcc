import { diffArrays } from "diff";
import { diffText, type DiffPart } from "@/lib/diff/word-diff";

/** One section as it stands in a Fassung or in the current state. */
export type OutlineEntry = {
  sectionId: string;
  number: number;
  title: string;
  ownerName: string;
  revisionNumber: number | null;
  text: string;
};

export type SectionComparison = {
  sectionId: string;
  kind: "added" | "removed" | "kept";
  before: OutlineEntry | null;
  after: OutlineEntry | null;
  renamed: boolean;
  /** Its place relative to the other sections changed (not merely its number because of an insertion). */
  moved: boolean;
  ownerChanged: boolean;
  textChanged: boolean;
  parts: DiffPart[];
};
export type OutlineComparison = {
  sections: SectionComparison[];
  summary: { added: number; removed: number; renamed: number; moved: number; textChanged: number; unchanged: number };
};

/**
 * Section-by-section comparison of two outlines, matched by section identity. Order follows the newer
 * outline; removed sections appear where they used to be. "Moved" means outside the longest common
 * order of the two, so inserting one section does not mark all following ones as moved.
 */
export function compareOutlines(
  before: OutlineEntry[],
  after: OutlineEntry[],
  diffKept: (b: OutlineEntry, a: OutlineEntry) => DiffPart[] = (b, a) => diffText(b.text, a.text),
): OutlineComparison {
  const afterIds = new Set(after.map((e) => e.sectionId));
  const beforeIds = new Set(before.map((e) => e.sectionId));
  const byIdBefore = new Map(before.map((e) => [e.sectionId, e]));
  const byIdAfter = new Map(after.map((e) => [e.sectionId, e]));
  const sections: SectionComparison[] = [];

  const kept = (id: string, moved: boolean): SectionComparison => {
    const b = byIdBefore.get(id)!;
    const a = byIdAfter.get(id)!;
    const textChanged = b.text !== a.text;
    return {
      sectionId: id,
      kind: "kept",
      before: b,
      after: a,
      renamed: b.title !== a.title,
      moved,
      ownerChanged: b.ownerName !== a.ownerName,
      textChanged,
      parts: textChanged ? diffKept(b, a) : [],
    };
  };

  for (const change of diffArrays(
    before.map((e) => e.sectionId),
    after.map((e) => e.sectionId),
  )) {
    for (const id of change.value) {
      if (!change.added && !change.removed) sections.push(kept(id, false));
      else if (change.added) {
        if (beforeIds.has(id)) sections.push(kept(id, true));
        else {
          const a = byIdAfter.get(id)!;
          sections.push({
            sectionId: id,
            kind: "added",
            before: null,
            after: a,
            renamed: false,
            moved: false,
            ownerChanged: false,
            textChanged: a.text !== "",
            parts: diffText("", a.text),
          });
        }
      } else if (!afterIds.has(id)) {
        const b = byIdBefore.get(id)!;
        sections.push({
          sectionId: id,
          kind: "removed",
          before: b,
          after: null,
          renamed: false,
          moved: false,
          ownerChanged: false,
          textChanged: b.text !== "",
          parts: diffText(b.text, ""),
        });
      }
    }
  }

  const count = (f: (s: SectionComparison) => boolean) => sections.filter(f).length;
  return {
    sections,
    summary: {
      added: count((s) => s.kind === "added"),
      removed: count((s) => s.kind === "removed"),
      renamed: count((s) => s.renamed),
      moved: count((s) => s.moved),
      textChanged: count((s) => s.kind === "kept" && s.textChanged),
      unchanged: count((s) => s.kind === "kept" && !s.textChanged && !s.renamed && !s.moved && !s.ownerChanged),
    },
  };
}
