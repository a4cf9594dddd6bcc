import "server-only";
import { renderContentHtml, type Highlight } from "./render-html";

/**
 * Rendered HTML per revision: a revision never changes, so its HTML is computed once per process and then
 * served from memory (least recently used entries go first). Section content is rendered on every page that
 * shows it — the reading room renders the whole Fassung — and the rendering costs far more than the queries.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }
}

const globalKey = Symbol.for("konzeptwerk.renderCache");
type GlobalWithCache = typeof globalThis & { [globalKey]?: LruCache<string> };

function cache(): LruCache<string> {
  const g = globalThis as GlobalWithCache;
  g[globalKey] ??= new LruCache<string>(Number(process.env.RENDER_CACHE_ENTRIES ?? 2000));
  return g[globalKey];
}

/**
 * renderContentHtml for content identified by a stable key (a revision id, or section id and version), with
 * its highlights: the same key must always stand for the same content.
 */
export function renderCachedHtml(key: string, json: unknown, highlights: Highlight[] = []): string {
  const fullKey = highlights.length
    ? `${key}|${highlights.map((h) => `${h.from}-${h.to}-${h.threadId}`).join(",")}`
    : key;
  const hit = cache().get(fullKey);
  if (hit !== undefined) return hit;
  const html = renderContentHtml(json, highlights);
  cache().set(fullKey, html);
  return html;
}
