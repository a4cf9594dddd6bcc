import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { createProposal } from "@/lib/proposals/create-proposal";
import { MAX_BODY_BYTES } from "../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

/** A change proposal from the proposal editor: 201 with its id; 409 when the section moved on meanwhile. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const ids = { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Record<string, unknown>;
  const result = await createProposal(await getDb(), actor, { ...body, ...ids });
  revalidatePath(`/konzepte/${ids.conceptId}`, "layout");
  return NextResponse.json({ ok: true, ...result }, { status: 201 });
});
