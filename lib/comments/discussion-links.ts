/** Which threads the discussion beside a section lists (`?filter=`). */
export type ThreadFilter = "alle" | "offen" | "erledigt" | "meine" | `org:${string}`;

/** The `?filter=` value of the section page; anything unknown shows all threads. */
export function parseThreadFilter(value: string | undefined): ThreadFilter {
  if (value === "offen" || value === "erledigt" || value === "meine") return value;
  if (value?.startsWith("org:")) return value as ThreadFilter;
  return "alle";
}

const sectionPath = (conceptId: string, sectionId: string) => `/konzepte/${conceptId}/abschnitte/${sectionId}`;

/** One page of the discussion under a filter; page 1 and the filter "alle" are left out of the address. */
export function discussionPageHref(conceptId: string, sectionId: string, filter: ThreadFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter !== "alle") query.set("filter", filter);
  if (page > 1) query.set("seite", String(page));
  const qs = query.toString();
  return `${sectionPath(conceptId, sectionId)}${qs ? `?${qs}` : ""}#diskussion`;
}

/**
 * A link to one thread: `?thread=` lets the section page open the page of the discussion that holds it, the
 * fragment scrolls to it. Used in notifications, search hits and after a new thread is written.
 */
export function threadHref(
  conceptId: string,
  sectionId: string,
  threadId: string,
  filter: ThreadFilter = "alle",
): string {
  const query = new URLSearchParams();
  if (filter !== "alle") query.set("filter", filter);
  query.set("thread", threadId);
  return `${sectionPath(conceptId, sectionId)}?${query.toString()}#thread-${threadId}`;
}
