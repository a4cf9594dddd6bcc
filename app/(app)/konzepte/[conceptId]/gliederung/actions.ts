"use server";

import { defineAction, fields } from "@/lib/http/define-action";
import { formDataToObject } from "@/lib/http/form-data";
import { addSection } from "@/lib/sections/add-section";
import { moveSection } from "@/lib/sections/move-section";
import { removeSection } from "@/lib/sections/remove-section";
import { renameSection } from "@/lib/sections/rename-section";
import { restoreArchivedSection } from "@/lib/sections/restore-archived-section";
import { setSectionMandateItems } from "@/lib/sections/set-section-mandate-items";
import { setSectionOwner } from "@/lib/sections/set-section-owner";

const form = (formData: FormData): Record<string, unknown> => ({
  ...formDataToObject(formData),
  mandateItemIds: fields(formData, "mandateItemIds"),
});
const concept = (input: Record<string, unknown>) => [{ layout: `/konzepte/${String(input.conceptId)}` }];
const title = (input: Record<string, unknown>) => String(input.title ?? "").slice(0, 200);

export const addSectionAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => addSection(db, actor, input),
  success: (_, input) => ({ key: "outline.added", params: { title: title(input) } }),
  revalidate: concept,
});

export const renameSectionAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => renameSection(db, actor, input),
  success: ({ changed }, input) =>
    changed ? { key: "outline.renamed", params: { title: title(input) } } : "outline.nothingChanged",
  revalidate: concept,
});

export const setSectionOwnerAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => setSectionOwner(db, actor, input),
  success: ({ changed }) => (changed ? "outline.ownerSet" : "outline.nothingChanged"),
  revalidate: concept,
});

export const setSectionMandateItemsAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => setSectionMandateItems(db, actor, input),
  success: ({ changed }) => (changed ? "outline.itemsSet" : "outline.nothingChanged"),
  revalidate: concept,
});

export const removeSectionAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => removeSection(db, actor, input),
  success: ({ outcome }) => (outcome === "archived" ? "outline.archived" : "outline.deleted"),
  revalidate: concept,
});

export const restoreSectionAction = defineAction({
  input: form,
  run: ({ db, actor }, input) => restoreArchivedSection(db, actor, input),
  success: "outline.restored",
  revalidate: concept,
});

const move = defineAction({
  input: (raw: { conceptId: string; sectionId: string; direction: "up" | "down"; title: string }) => ({ ...raw }),
  run: ({ db, actor }, input) => moveSection(db, actor, input),
  success: ({ number, count }, input) => ({ key: "outline.moved", params: { title: title(input), number, count } }),
  revalidate: concept,
});

/** Called from the outline's arrow buttons with a plain object, not a form. */
export async function moveSectionAction(input: {
  conceptId: string;
  sectionId: string;
  direction: "up" | "down";
  title: string;
}) {
  return move(null, input);
}
