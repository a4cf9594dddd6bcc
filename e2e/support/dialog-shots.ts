import { expect, type Page } from "@playwright/test";

/**
 * The open dialog at 1280 px and at 320 px wide (WCAG 1.4.10 reflow), for looking at; back to the width it had.
 * Screenshots go to test-results/, or to SCREENSHOT_DIR when set.
 */
export async function shootDialog(page: Page, name: string) {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  const dir = process.env.SCREENSHOT_DIR ?? "test-results";
  for (const [width, height] of [
    [1280, 800],
    [320, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}.png` });
  }
  // A long dialog scrolls at 320 px: its buttons at the end must be reachable.
  const cancel = page.getByRole("alertdialog").getByRole("button", { name: "Abbrechen" });
  await cancel.scrollIntoViewIfNeeded();
  await expect(cancel).toBeInViewport();
  await page.screenshot({ path: `${dir}/${name}-320-end.png` });
  await page.setViewportSize(before);
}
