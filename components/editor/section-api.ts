import type { JSONContent } from "@tiptap/react";
import type { ConflictView } from "./conflict-panel";

export type SaveOutcome =
  | { kind: "saved" | "unchanged"; version: number }
  | { kind: "stale"; message: string }
  | { kind: "error"; message: string | null }
  | { kind: "offline" };

const json = { "content-type": "application/json" };

/** POST …/revisions: the editor's content as a new revision against `baseVersion`. */
export async function postRevision(
  apiBase: string,
  baseVersion: number,
  content: JSONContent,
  note: string | null,
): Promise<SaveOutcome> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/revisions`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ baseVersion, content, note }),
    });
  } catch {
    return { kind: "offline" };
  }
  const body = (await response.json().catch(() => null)) as {
    status?: "saved" | "unchanged";
    version?: number;
    code?: string;
    message?: string;
  } | null;
  if (response.ok && body?.version !== undefined)
    return { kind: body.status === "saved" ? "saved" : "unchanged", version: body.version };
  if (body?.code === "SECTION_STALE") return { kind: "stale", message: body.message ?? "" };
  return { kind: "error", message: body?.message ?? null };
}

/** POST …/conflict: what changed since `baseVersion`, and a merge proposal; null when it cannot be loaded. */
export async function fetchConflict(
  apiBase: string,
  baseVersion: number,
  content: JSONContent,
): Promise<ConflictView | null> {
  try {
    const response = await fetch(`${apiBase}/conflict`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ baseVersion, content }),
    });
    const body = (await response.json()) as { conflict?: ConflictView };
    return response.ok && body.conflict ? body.conflict : null;
  } catch {
    return null;
  }
}
