/**
 * A suggestion's id names its author: `<user id>:<random part>`. The server checks on every change from a
 * suggesting connection that new or changed suggestions carry that connection's user id, so the author shown
 * beside a suggestion is the person who made it.
 */
const SUGGESTION_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9]{6,32})$/;

export function suggestionAuthorId(id: unknown): string | null {
  if (typeof id !== "string") return null;
  return SUGGESTION_ID.exec(id)?.[1] ?? null;
}

export function newSuggestionId(userId: string): string {
  const random = new Uint8Array(12);
  crypto.getRandomValues(random);
  const part = Array.from(random, (b) => b.toString(36).padStart(2, "0")).join("");
  return `${userId}:${part}`;
}

/** The element id of a suggestion in the section page's list (links from the editor land there). */
export function suggestionAnchor(id: string): string {
  return `vorschlag-${id.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
