import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { importSectionDocx } from "@/lib/word/import-section-docx";
import { MAX_DOCX_BYTES } from "@/lib/word/read-docx";

type Params = { params: Promise<{ conceptId: string; sectionId: string }> };

// The form's envelope around the file.
const MAX_FORM_BYTES = MAX_DOCX_BYTES + 64 * 1024;

/**
 * A Word document uploaded into a section (multipart: `file`, `apply`, `baseVersion`). Without `apply=1` the answer
 * is the preview (what would change, what the editor cannot hold) and nothing is stored; with it the text changes.
 */
export const POST = jsonRoute(async (request: Request, { params }: Params) => {
  assertSameOrigin(request);
  const actor = await requireActorOrThrow();
  const { conceptId, sectionId } = await params;
  const ids = { conceptId: parseIdOrNotFound(conceptId), sectionId: parseIdOrNotFound(sectionId) };
  if (Number(request.headers.get("content-length") ?? "0") > MAX_FORM_BYTES)
    throw new AppError("VALIDATION", "appError.word.tooLarge", { max: 10 });
  const form = await request.formData().catch(() => {
    throw new AppError("VALIDATION", "appError.common.malformedRequest");
  });
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("VALIDATION", "appError.word.noFile");
  if (file.size > MAX_DOCX_BYTES) throw new AppError("VALIDATION", "appError.word.tooLarge", { max: 10 });
  const result = await importSectionDocx(
    await getDb(),
    actor,
    { ...ids, apply: form.get("apply") === "1", baseVersion: form.get("baseVersion") || undefined },
    new Uint8Array(await file.arrayBuffer()),
  );
  if (result.applied) revalidatePath(`/konzepte/${ids.conceptId}`, "layout");
  return NextResponse.json({ ok: true, ...result }, { status: result.applied ? 201 : 200 });
});
