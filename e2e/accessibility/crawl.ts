import type { APIRequestContext, Page } from "@playwright/test";
import { createFreshConcept, expect, type DemoUser } from "../support/fixtures";

/**
 * The accessibility specs visit every page a person can reach: starting from a few pages, they follow the
 * links on each page (same origin, no downloads, no /api/), one page per route pattern (ids and numbers
 * replaced), so a list of thirty concepts costs one visit, not thirty.
 */
export const ROLES: { user: DemoUser; label: string }[] = [
  { user: "admin", label: "admin" },
  { user: "federfuehrung", label: "lead (Verwaltung)" },
  { user: "diakonie", label: "Träger" },
  { user: "ausschuss", label: "committee member" },
];

export const PUBLIC_PAGES = ["/anmelden", "/barrierefreiheit", "/impressum", "/datenschutz"];

/** A concept of its own, released and submitted: sign-off page with hash, Vorlage, reading room, Synopse. */
export async function prepareSubmittedConcept(request: APIRequestContext): Promise<string> {
  const { conceptId } = await createFreshConcept(request, `Barrierefrei ${Math.random().toString(36).slice(2, 8)}`, {
    threads: 6,
  });
  expect((await request.post("/api/test-support/concepts/released", { data: { conceptId } })).ok()).toBe(true);
  expect((await request.post("/api/test-support/submit", { data: { conceptId } })).ok()).toBe(true);
  return conceptId;
}

export function routePattern(url: string): string {
  return new URL(url).pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\/\d+(?=\/|$)/g, "/:n");
}

const SKIP = [/^\/api\//, /^\/abmelden/, /^\/_next\//, /\.(pdf|docx|md|csv|ics|zip)$/];

/** Same-origin page links on the current page. */
async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.filter((a) => !a.hasAttribute("download")).map((a) => (a as HTMLAnchorElement).href));
  return hrefs.filter((href) => {
    const url = new URL(href);
    return url.origin === origin && !SKIP.some((pattern) => pattern.test(url.pathname));
  });
}

/**
 * Visits `start` pages and what they link to, breadth first, one page per route pattern, at most `limit`
 * pages; `check` runs on each page once it has loaded. Returns the URLs visited and the links that led to an
 * error page.
 */
export async function crawl(
  page: Page,
  start: string[],
  check: (url: string) => Promise<void>,
  limit = 60,
): Promise<{ visited: string[]; broken: string[] }> {
  const origin = new URL(page.url() === "about:blank" ? "http://x" : page.url()).origin;
  const queue: { url: string; from: string | null }[] = start.map((path) => ({
    url: new URL(path, origin).href,
    from: null,
  }));
  const seen = new Set<string>();
  const visited: string[] = [];
  const broken: string[] = [];
  while (queue.length && visited.length < limit) {
    const { url, from } = queue.shift()!;
    const pattern = routePattern(url);
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    const response = await page.goto(url);
    if (!response || response.status() >= 400) {
      // A start page the role may not open is fine; a link the app shows the role must lead somewhere.
      if (from) broken.push(`${new URL(url).pathname} (${response?.status()}), linked from ${from}`);
      continue;
    }
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    // A redirect (e.g. to a section's current page) lands on another pattern: count that one.
    seen.add(routePattern(page.url()));
    visited.push(new URL(page.url()).pathname + new URL(page.url()).search);
    await check(page.url());
    const here = new URL(page.url()).pathname;
    for (const link of await linksOn(page, origin))
      if (!seen.has(routePattern(link))) queue.push({ url: link, from: here });
  }
  return { visited, broken };
}

/** Elements that stick out to the right of the viewport, outermost first, for a readable failure. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const out: string[] = [];
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    // The innermost elements that stick out: what needs to wrap, break or scroll.
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (!sticksOut(element) || Array.from(element.children).some(sticksOut)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${
        element.className && typeof element.className === "string"
          ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}`
          : ""
      }`;
      out.push(
        `${name} (${Math.round(rect.left)}–${Math.round(rect.right)}px): ${(element.textContent ?? "").trim().slice(0, 40)}`,
      );
    }
    // Text that overflows an element which itself fits (e.g. text that may not wrap).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && out.length < 5) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      const right = range.getBoundingClientRect().right;
      if (right > width + 0.5)
        out.push(`text (…${Math.round(right)}px): ${(walker.currentNode.textContent ?? "").trim().slice(0, 40)}`);
    }
    return [`scrollWidth ${root.scrollWidth} > ${width}`, ...out.slice(0, 5)];
  });
}
