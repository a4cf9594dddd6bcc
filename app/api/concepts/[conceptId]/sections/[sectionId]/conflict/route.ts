import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/validation/parse";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { getSectionConflict } from "@/lib/sections/get-section-conflict";
import { MAX_BODY_BYTES, ZConflictBody } from "../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

/** After a SECTION_STALE: the others' changes, the user's own, and a merge proposal. Reads only. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const body = parseOrThrow(ZConflictBody, await readJsonBody(request, MAX_BODY_BYTES));
  const conflict = await getSectionConflict(await getDb(), actor, {
    conceptId: parseIdOrNotFound(conceptId),
    sectionId: parseIdOrNotFound(sectionId),
    ...body,
  });
  return NextResponse.json({ ok: true, conflict });
});
