import { expect, signInAndWait, test } from "../support/fixtures";
import { crawl, horizontalOverflow, prepareSubmittedConcept, PUBLIC_PAGES, ROLES } from "./crawl";

/**
 * WCAG 1.4.10 (reflow): at 320 CSS px (and 390 and 768) no page scrolls sideways — for every page every role
 * can reach. Wide tables may scroll inside their own named, focusable container only.
 */
const WIDTHS = [320, 390, 768];

let conceptId: string;
test.beforeAll(async ({ request }) => {
  conceptId = await prepareSubmittedConcept(request);
});

async function checkWidths(page: import("@playwright/test").Page, url: string, problems: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await horizontalOverflow(page);
    if (overflow.length) problems.push(`${width}px ${new URL(url).pathname}: ${overflow.join(" | ")}`);
  }
  await page.setViewportSize({ width: 320, height: 800 });
}

test("public pages reflow at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const problems: string[] = [];
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await checkWidths(page, page.url(), problems);
  }
  expect(problems).toEqual([]);
});

for (const { user, label } of ROLES) {
  test(`every page the ${label} reaches reflows at 320 px`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 320, height: 800 });
    await signInAndWait(page, user);
    const problems: string[] = [];
    const start = ["/", `/konzepte/${conceptId}`, `/konzepte/${conceptId}/lesesaal`, ...PUBLIC_PAGES.slice(1)];
    const { visited, broken } = await crawl(page, start, (url) => checkWidths(page, url, problems));
    console.log(`${label}: ${visited.length} pages at 320, 390 and 768 px`);
    expect(visited.length, `pages visited: ${visited.join(", ")}`).toBeGreaterThan(user === "ausschuss" ? 4 : 8);
    expect(problems).toEqual([]);
    expect(broken, "links that lead to an error page").toEqual([]);
  });
}

test("the header menu at 320 px: a disclosure that Escape closes, focus back on its button", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signInAndWait(page, "federfuehrung");
  const menu = page.getByRole("button", { name: "Menü" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Profil" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  await expect(panel.getByRole("link", { name: "Profil" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Abmelden" })).toBeVisible();
  expect(await horizontalOverflow(page)).toEqual([]);
  await page.screenshot({ path: "test-results/reflow-menu-320.png" });
  await panel.getByRole("link", { name: "Profil" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  // A followed link closes it.
  await menu.click();
  await panel.getByRole("link", { name: "Profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // From 1280 px on there is no menu button; the navigation is always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(page.getByRole("link", { name: "Profil" })).toBeVisible();
  await page.screenshot({ path: "test-results/reflow-header-1280.png" });
});

/** Full-page shots are too long to read; these are screen-sized pieces from the top. */
async function screens(page: import("@playwright/test").Page, name: string, count = 3) {
  for (let i = 0; i < count; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), i * 800);
    await page.screenshot({ path: `test-results/reflow-${name}-390-${i}.png` });
  }
}

test("screenshots at 390 px: overview, a section, the sign-off page, the reading room", async ({ browser }) => {
  for (const [user, path, name] of [
    ["federfuehrung", `/konzepte/${conceptId}`, "overview"],
    ["federfuehrung", `/konzepte/${conceptId}/mitzeichnung`, "signoff"],
    ["ausschuss", `/konzepte/${conceptId}/lesesaal`, "lesesaal"],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInAndWait(page, user);
    await page.goto(path);
    await screens(page, name);
    if (name === "overview") {
      await page
        .getByRole("link", { name: /Ausgangslage und Auftrag/ })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Ausgangslage");
      await screens(page, "section");
    }
    await context.close();
  }
});
