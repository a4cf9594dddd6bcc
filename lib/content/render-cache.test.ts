import { describe, expect, it } from "vitest";
import { doc, p } from "@/demo/tiptap";
import { LRUCache } from "lru-cache";
import { renderCachedHtml } from "./render-cache";
import { renderContentHtml } from "./render-html";

describe("rendered HTML per revision", () => {
  it("returns the same HTML as rendering afresh, with and without highlights", () => {
    const content = doc(p("Die Welcome Points werden verstetigt."));
    expect(renderCachedHtml("rev-1", content)).toBe(renderContentHtml(content));
    expect(renderCachedHtml("rev-1", content)).toBe(renderContentHtml(content));
    const highlights = [{ from: 5, to: 12, threadId: "t1" }];
    expect(renderCachedHtml("rev-1", content, highlights)).toBe(renderContentHtml(content, highlights));
    expect(renderCachedHtml("rev-1", content, highlights)).toContain('data-thread="t1"');
  });

  it("relies on lru-cache to keep at most its capacity, dropping the least recently used entry", () => {
    const cache = new LRUCache<string, number>({ max: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.size).toBe(2);
  });
});
