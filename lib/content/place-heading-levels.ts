/**
 * Section content stores absolute heading levels (the editor offers 2–4), but the content appears under
 * headings of different depth: under a page's h1, under a section's h2 in the reading room, under a PDF's H2,
 * a Word "Heading 1" or a Markdown "##". This maps the stored levels to levels relative to `parentLevel` so
 * that no level is skipped (WCAG 1.3.1): each heading is at most one deeper than the heading before it, and
 * the content's own hierarchy (which heading is under which) is kept. Capped at 6, the deepest level there is.
 */
export function placeHeadingLevels(stored: readonly number[], parentLevel: number): number[] {
  // Open headings: stored level and the level it was placed at.
  const open: { stored: number; placed: number }[] = [];
  return stored.map((level) => {
    while (open.length > 0 && open.at(-1)!.stored >= level) open.pop();
    const placed = Math.min((open.at(-1)?.placed ?? parentLevel) + 1, 6);
    open.push({ stored: level, placed });
    return placed;
  });
}

/**
 * placeHeadingLevels on sanitized section HTML (render-html.ts): its headings are bare `<h2>`–`<h4>` tags
 * without attributes, and text never contains a literal "<h" (sanitize-html escapes it).
 */
export function placeHtmlHeadings(html: string, parentLevel: number): string {
  const tag = /<(\/?)h([1-6])>/g;
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  const placed = placeHeadingLevels(levels, parentLevel);
  let index = -1;
  let current = 0;
  return html.replace(tag, (_match, slash: string) => {
    if (!slash) current = placed[++index]!;
    return `<${slash}h${current}>`;
  });
}
