/**
 * Moves headings in sanitized section HTML one level down (h2 → h3 … h4 → h5), for documents where the
 * section title itself is the h2. Safe on sanitized output: text never contains a literal "<h".
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([2-4])>/g, (_match, slash: string, level: string) => `<${slash}h${Number(level) + 1}>`);
}
