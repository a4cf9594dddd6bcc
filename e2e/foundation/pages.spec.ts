import { expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

test.describe("legal pages and language @smoke", () => {
  for (const [path, title] of [
    ["/barrierefreiheit", "Erklärung zur Barrierefreiheit"],
    ["/impressum", "Impressum"],
    ["/datenschutz", "Datenschutzerklärung"],
  ] as const) {
    test(`${path} is public, marked as placeholder and accessible`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole("note")).toContainText("Platzhalter");
      await expectNoAxeViolations(page, path);
    });
  }

  test("the icon is served to everyone and linked from every page", async ({ page, request }) => {
    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/icon.svg", "image/svg+xml"],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"]).toContain(type);
    }
    await page.goto("/anmelden");
    await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  });

  test("English can be switched on and back, and the choice is remembered", async ({ page }) => {
    await signInAndWait(page, "jugendamt");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My concepts" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoAxeViolations(page, "start page (en)");
    await page.getByRole("link", { name: /Welcome Points/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Order of deliberation" })).toBeVisible();
    await expectNoAxeViolations(page, "overview (en)");
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Beratungsfolge" })).toBeVisible();
  });
});
