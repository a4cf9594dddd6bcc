/** Where one page of a list starts: the page is clamped to the list, so a stale or hand-typed `?seite=` never fails. */
export type PageWindow = { page: number; pageCount: number; perPage: number; total: number; offset: number };

/**
 * Clamps a requested page (a number, or the raw `?seite=` value) to 1 … pageCount: anything that is not a
 * number or below 1 is the first page, anything past the end the last. An empty list has one (empty) page.
 */
export function clampPage(requested: number | string | undefined | null, total: number, perPage: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const asked = typeof requested === "string" ? Number(requested.trim() || "1") : (requested ?? 1);
  const page = Math.min(Math.max(1, Math.floor(asked) || 1), pageCount);
  return { page, pageCount, perPage, total, offset: (page - 1) * perPage };
}

/** The page numbers a pagination shows: the first, the last and two either side of the current one; null marks a gap. */
export function pageNumbers(page: number, pageCount: number, around = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= around) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
