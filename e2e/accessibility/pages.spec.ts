import AxeBuilder from "@axe-core/playwright";
import { HtmlValidate } from "html-validate";
import type { Page } from "@playwright/test";
import { expect, signInAndWait, test } from "../support/fixtures";
import { crawl, prepareSubmittedConcept, PUBLIC_PAGES, ROLES } from "./crawl";

/**
 * Every page every role reaches, checked by tools nobody here wrote: axe-core (WCAG 2.1 A/AA and its
 * best practices) at 390 and 1440 px, with the header menu and any dialog open, and html-validate on the
 * HTML as the server sends it (the W3C checker's rules on valid markup, plus its accessibility rules).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y"],
  rules: {
    // Next.js's own markup: inline scripts carry the nonce, its font preloads and streamed templates are fine.
    "no-inline-style": "off",
    "require-sri": "off",
    // The app's HTML is generated, not handwritten: whitespace and attribute quoting are not its concern.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "void-style": "off",
    "no-trailing-whitespace": "off",
  },
});

async function validateHtml(page: Page, url: string): Promise<string[]> {
  const response = await page.request.get(url);
  const report = await validator.validateString(await response.text());
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${new URL(url).pathname}: ${m.ruleId} ${m.message} (${m.selector ?? `line ${m.line}`})`),
  );
}

async function axe(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

/** axe at both widths, then with the header menu (narrow) and the first dialog of the page open. */
async function checkPage(page: Page, url: string, problems: string[]) {
  const path = new URL(url).pathname;
  problems.push(...(await validateHtml(page, url)));
  await page.setViewportSize({ width: 1440, height: 900 });
  problems.push(...(await axe(page, `1440px ${path}`)));
  const opener = page.locator('main button[aria-haspopup="dialog"]:visible').first();
  if (await opener.count()) {
    await opener.click();
    const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
    await expect(dialog).toBeVisible();
    problems.push(...(await axe(page, `dialog ${path}`)));
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  problems.push(...(await axe(page, `390px ${path}`)));
}

let conceptId: string;
test.beforeAll(async ({ request }) => {
  conceptId = await prepareSubmittedConcept(request);
});

test("public pages: valid HTML, no axe findings", async ({ page }) => {
  const problems: string[] = [];
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await checkPage(page, page.url(), problems);
  }
  expect(problems).toEqual([]);
});

for (const { user, label } of ROLES) {
  test(`every page the ${label} reaches: valid HTML, no axe findings`, async ({ page }) => {
    test.setTimeout(600_000);
    await signInAndWait(page, user);
    const problems: string[] = [];
    const menu = page.getByRole("button", { name: "Menü" });
    await page.setViewportSize({ width: 390, height: 844 });
    await menu.click();
    problems.push(...(await axe(page, "390px header menu open")));
    await menu.click();
    const start = ["/", `/konzepte/${conceptId}`, `/konzepte/${conceptId}/lesesaal`, ...PUBLIC_PAGES.slice(1)];
    const { visited } = await crawl(page, start, (url) => checkPage(page, url, problems));
    console.log(`${label}: ${visited.length} pages checked`);
    expect(problems).toEqual([]);
  });
}
