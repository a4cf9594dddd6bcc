import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/validation/parse";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { saveSection } from "@/lib/sections/save-section";
import { MAX_BODY_BYTES, ZSaveSectionBody } from "../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

/** Saves the editor's content as a new revision: 201 saved, 200 unchanged, 409 SECTION_STALE. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const ids = { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
  const body = parseOrThrow(ZSaveSectionBody, await readJsonBody(request, MAX_BODY_BYTES));
  const result = await saveSection(await getDb(), actor, { ...ids, ...body });
  if (result.status === "saved") revalidatePath(`/konzepte/${ids.conceptId}`, "layout");
  return NextResponse.json({ ok: true, ...result }, { status: result.status === "saved" ? 201 : 200 });
});
