import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { assertSameOrigin } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { leaveSectionPresence, recordSectionPresence } from "@/lib/sections/record-section-presence";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

async function ids(params: Params["params"]) {
  const { conceptId, sectionId } = await params;
  return { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
}

/** Heartbeat of an open editor; answers who else is editing. */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const others = await recordSectionPresence(await getDb(), actor, await ids(params));
  return NextResponse.json({ ok: true, others: others.map(({ name, organisations }) => ({ name, organisations })) });
});

/** The editor was closed. */
export const DELETE = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  await leaveSectionPresence(await getDb(), actor, await ids(params));
  return NextResponse.json({ ok: true });
});
