import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { saveSection, type SaveSectionInput } from "@/lib/sections/save-section";
import { MAX_BODY_BYTES } from "../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

/** Saves the editor's content as a new revision: 201 saved, 200 unchanged, 409 SECTION_STALE. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const ids = { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Partial<SaveSectionInput>;
  // The service parses the whole input; the path's ids win over anything the body says.
  const result = await saveSection(await getDb(), actor, { ...body, ...ids } as SaveSectionInput);
  if (result.status === "saved") revalidatePath(`/konzepte/${ids.conceptId}`, "layout");
  return NextResponse.json({ ok: true, ...result }, { status: result.status === "saved" ? 201 : 200 });
});
