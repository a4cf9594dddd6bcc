import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionConflict, type SectionConflictInput } from "@/lib/sections/get-section-conflict";
import { MAX_BODY_BYTES } from "../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

/** After a SECTION_STALE: the others' changes, the user's own, and a merge proposal. Reads only. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const ids = { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Partial<SectionConflictInput>;
  const conflict = await getSectionConflict(await getDb(), actor, { ...body, ...ids } as SectionConflictInput);
  return NextResponse.json({ ok: true, conflict });
});
