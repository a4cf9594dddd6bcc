import "server-only";
import { LRUCache } from "lru-cache";
import { readEnv } from "@/config/env";
import { renderContentHtml, type Highlight } from "./render-html";

/**
 * Rendered HTML per revision: a revision never changes, so its HTML is computed once per process and then
 * served from memory (least recently used entries go first). Section content is rendered on every page that
 * shows it — the reading room renders the whole Fassung — and the rendering costs far more than the queries.
 */
const globalKey = Symbol.for("konzeptwerk.renderCache");
type GlobalWithCache = typeof globalThis & { [globalKey]?: LRUCache<string, string> };

function cache(): LRUCache<string, string> {
  const g = globalThis as GlobalWithCache;
  g[globalKey] ??= new LRUCache<string, string>({ max: readEnv().RENDER_CACHE_ENTRIES });
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
