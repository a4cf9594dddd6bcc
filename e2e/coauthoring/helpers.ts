import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAndWait, type DemoUser } from "../support/fixtures";

export const SECTION = {
  diakonie: "Inhaltliche Weiterentwicklung",
  awo: "Verstetigung in der Gemeinwesenarbeit",
  finanzierung: "Finanzierung",
  zeitplan: "Zeitplan und nächste Schritte",
} as const;

export const sectionUrl = (conceptId: string, sectionId: string) => `/konzepte/${conceptId}/abschnitte/${sectionId}`;

/** Signs in and opens the live editor of one section, waiting until it is connected and writable. */
export async function openEditor(page: Page, user: DemoUser, conceptId: string, sectionId: string) {
  await signInAndWait(page, user);
  await page.goto(`${sectionUrl(conceptId, sectionId)}/bearbeiten`);
  const text = editorText(page);
  await expect(text).toBeVisible();
  await expect(text).toHaveAttribute("contenteditable", "true");
  await expect(page.locator('[data-connection="connected"]')).toBeVisible();
  return text;
}

export const editorText = (page: Page) => page.getByRole("textbox", { name: /^Text des Abschnitts/ });

/** Optional screenshots for reviewing the UI: SCREENSHOT_DIR=/tmp/shots npx playwright test … */
export async function shot(page: Page, name: string) {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export async function axe(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
}

/** A save through the app's own JSON endpoint, as the editor sends it (same origin). */
export function postRevision(
  request: APIRequestContext,
  baseURL: string,
  conceptId: string,
  sectionId: string,
  data: unknown,
  origin = baseURL,
) {
  return request.post(`/api/concepts/${conceptId}/sections/${sectionId}/revisions`, { data, headers: { origin } });
}

/**
 * Native caret moves (Shift+Home, Ctrl+End) reach ProseMirror through the browser's asynchronous
 * selectionchange event. A person never presses the next key within the same task; a test can, so it
 * lets one animation frame pass (the browser's event loop, not a fixed delay) before the next key.
 */
export async function letSelectionSettle(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Presses a caret-moving key and lets ProseMirror see the new selection. */
export async function moveCaret(page: Page, key: string) {
  await letSelectionSettle(page);
  await page.keyboard.press(key);
  await letSelectionSettle(page);
}
