import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { createFreshConcept, expect, signInAndWait, test } from "../support/fixtures";
import { editorText, SECTION, sectionUrl } from "./helpers";

/** Every script a page loads, with its body, so we can tell what a reader downloads. */
async function scriptsOf(page: Page, url: string, ready: () => Promise<void>) {
  const urls = new Set<string>();
  const listener = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") urls.add(response.url());
  };
  page.on("response", listener);
  await page.goto(url);
  await ready();
  page.off("response", listener);
  const bodies = await Promise.all([...urls].map(async (u) => (await page.request.get(u)).body()));
  return {
    count: bodies.length,
    raw: bodies.reduce((n, b) => n + b.length, 0),
    gzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
    text: bodies.map((b) => b.toString("utf8")).join("\n"),
  };
}

test("readers never download the editor; the editing page's client JS is measured", async ({
  page,
  request,
}, testInfo) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.diakonie]!;
  await signInAndWait(page, "diakonie");
  const reading = await scriptsOf(page, sectionUrl(conceptId, sectionId), () =>
    expect(page.getByRole("article")).toBeVisible(),
  );
  const editing = await scriptsOf(page, `${sectionUrl(conceptId, sectionId)}/bearbeiten`, () =>
    expect(editorText(page)).toBeVisible(),
  );
  // ProseMirror's view code names its own class; it must be in the editing page only.
  expect(editing.text).toContain("ProseMirror");
  expect(reading.text).not.toContain("ProseMirror");
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const summary = `reading page: ${reading.count} scripts, ${kb(reading.raw)} (${kb(reading.gzip)} gzip); editing page: ${editing.count} scripts, ${kb(editing.raw)} (${kb(editing.gzip)} gzip)`;
  testInfo.annotations.push({ type: "client JS", description: summary });
  console.log(`client JS — ${summary}`);
});
