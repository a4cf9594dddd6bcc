import { canonicalJson } from "@/lib/audit/canonical-json";

/**
 * Unsaved editor content kept in the browser (localStorage), per user and section, so a closed tab, a
 * crash or a lost connection loses nothing. Only this browser ever sees it; saving clears it.
 */
export type StoredDraft = {
  v: 1;
  baseVersion: number;
  content: Record<string, unknown>;
  note: string;
  savedAt: string;
};

export const draftKey = (userId: string, sectionId: string) => `konzeptwerk.entwurf.${userId}.${sectionId}`;

export function readDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<StoredDraft>;
    if (draft.v !== 1 || typeof draft.baseVersion !== "number" || !draft.content || typeof draft.content !== "object")
      return null;
    return {
      v: 1,
      baseVersion: draft.baseVersion,
      content: draft.content,
      note: typeof draft.note === "string" ? draft.note : "",
      savedAt: String(draft.savedAt ?? ""),
    };
  } catch {
    return null;
  }
}

/** Returns false when the browser refuses (storage full or disabled), so the page can say so. */
export function writeDraft(key: string, draft: Omit<StoredDraft, "v" | "savedAt">): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify({ v: 1, ...draft, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/** Key-order independent equality for tiptap JSON (the server's jsonb reorders keys). */
export function sameDoc(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
