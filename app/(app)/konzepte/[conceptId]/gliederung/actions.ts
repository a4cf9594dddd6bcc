"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { requireActorOrThrow, type Actor } from "@/lib/auth/actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { parseOrThrow } from "@/lib/validation/parse";
import { addSection } from "@/lib/sections/add-section";
import { moveSection } from "@/lib/sections/move-section";
import { removeSection } from "@/lib/sections/remove-section";
import { renameSection } from "@/lib/sections/rename-section";
import { restoreArchivedSection } from "@/lib/sections/restore-archived-section";
import { setSectionMandateItems } from "@/lib/sections/set-section-mandate-items";
import { setSectionOwner } from "@/lib/sections/set-section-owner";

type Result = ActionResult<unknown>;
const ZTitle = z.string().trim().min(1, "appError.common.titleRequired").max(200, "appError.section.titleTooLong");
const ZSectionRef = z.object({ conceptId: z.uuid(), sectionId: z.uuid() });

/** Every outline action: authenticate, parse, call the service, revalidate, say what happened. */
async function outlineAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (db: Db, actor: Actor, input: z.output<S>) => Promise<string>,
): Promise<Result> {
  let message = "";
  const result = await runAction(async () => {
    const actor = await requireActorOrThrow();
    const raw: Record<string, unknown> = Object.fromEntries(formData);
    raw.mandateItemIds = formData.getAll("mandateItemIds");
    const input = parseOrThrow(schema, raw);
    message = await run(await getDb(), actor, input);
    revalidatePath(`/konzepte/${(input as { conceptId: string }).conceptId}`, "layout");
  });
  return result.ok ? { ...result, message } : result;
}

export async function addSectionAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(
    formData,
    z.object({
      conceptId: z.uuid(),
      title: ZTitle,
      ownerOrganisationId: z.uuid("appError.common.organisationRequired"),
    }),
    async (db, actor, input) => {
      await addSection(db, actor, input);
      return t("added", { title: input.title });
    },
  );
}

export async function renameSectionAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(formData, ZSectionRef.extend({ title: ZTitle }), async (db, actor, input) => {
    const { changed } = await renameSection(db, actor, input);
    return changed ? t("renamed", { title: input.title }) : t("nothingChanged");
  });
}

export async function setSectionOwnerAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(
    formData,
    ZSectionRef.extend({ ownerOrganisationId: z.uuid("appError.common.organisationRequired") }),
    async (db, actor, input) => {
      const { changed } = await setSectionOwner(db, actor, input);
      return changed ? t("ownerSet") : t("nothingChanged");
    },
  );
}

export async function setSectionMandateItemsAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(
    formData,
    ZSectionRef.extend({ mandateItemIds: z.array(z.uuid()).max(100) }),
    async (db, actor, input) => {
      const { changed } = await setSectionMandateItems(db, actor, input);
      return changed ? t("itemsSet") : t("nothingChanged");
    },
  );
}

export async function removeSectionAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(formData, ZSectionRef, async (db, actor, input) => {
    const { outcome } = await removeSection(db, actor, input);
    return outcome === "archived" ? t("archived") : t("deleted");
  });
}

export async function restoreSectionAction(_p: Result | null, formData: FormData): Promise<Result> {
  const t = await getTranslations("outline");
  return outlineAction(formData, ZSectionRef, async (db, actor, input) => {
    await restoreArchivedSection(db, actor, input);
    return t("restored");
  });
}

export async function moveSectionAction(input: {
  conceptId: string;
  sectionId: string;
  direction: "up" | "down";
  title: string;
}): Promise<Result> {
  const t = await getTranslations("outline");
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) form.set(k, v);
  return outlineAction(
    form,
    ZSectionRef.extend({ direction: z.enum(["up", "down"]), title: z.string().max(200) }),
    async (db, actor, parsed) => {
      const { number, count } = await moveSection(db, actor, parsed);
      return t("moved", { title: parsed.title, number, count });
    },
  );
}
