import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { assertSameOrigin, readJsonBody } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { acceptProposal } from "@/lib/proposals/accept-proposal";
import { MAX_BODY_BYTES } from "../../../schemas";

type Params = { params: Promise<{ conceptId: string; sectionId: string; proposalId: string }> };

/** Accepts a proposal, optionally with content reconciled in the editor against the current version. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, proposalId } = await params;
  parseIdOrNotFound(conceptId);
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Record<string, unknown>;
  const result = await acceptProposal(await getDb(), actor, { ...body, proposalId: parseIdOrNotFound(proposalId) });
  revalidatePath(`/konzepte/${conceptId}`, "layout");
  return NextResponse.json({ ok: true, ...result }, { status: 201 });
});
