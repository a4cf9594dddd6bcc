import type { Page } from "@playwright/test";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const AWO_SECTION = "Verstetigung in der Gemeinwesenarbeit";
const randomWord = (prefix: string) =>
  `${prefix}${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

async function searchFor(page: Page, query: string) {
  const field = page.getByRole("search", { name: "Konzepte durchsuchen" }).getByLabel("Suchbegriff");
  await field.fill(query);
  await field.press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=/);
}

test.describe("search", () => {
  test("'/' opens the search from anywhere; 'Familienzentren' finds 'Familienzentrum', grouped, highlighted, accessible", async ({
    page,
  }) => {
    await signInAndWait(page, "diakonie");
    const header = page.getByRole("search", { name: "Schnellsuche" });
    // In a text field "/" is just a character.
    await header.getByLabel("Suchbegriff").fill("a");
    await header.getByLabel("Suchbegriff").press("/");
    await expect(header.getByLabel("Suchbegriff")).toHaveValue("a/");
    await header.getByLabel("Suchbegriff").fill("");
    await page.getByRole("heading", { level: 1, name: "Meine Konzepte" }).click();
    await page.keyboard.press("/");
    await expect(header.getByLabel("Suchbegriff")).toBeFocused();
    await page.keyboard.type("Familienzentren");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Suche" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/Treffer für „Familienzentren“/);
    await expect(
      page.getByRole("heading", { level: 3, name: "5. Prüfung der Anbindung an die Familienzentren" }).first(),
    ).toBeVisible();
    await expect(
      page
        .locator("mark")
        .filter({ hasText: /^Familienzentrum$/ })
        .first(),
    ).toBeVisible();
    await expect(
      page
        .locator("mark")
        .filter({ hasText: /^Familienzentren$/ })
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page, "search results");
    await page.screenshot({ path: "test-results/search-page.png", fullPage: false });

    // On the search page "/" goes to the page's own field.
    await page.getByRole("heading", { level: 1, name: "Suche" }).click();
    await page.keyboard.press("/");
    await expect(page.getByRole("search", { name: "Konzepte durchsuchen" }).getByLabel("Suchbegriff")).toBeFocused();

    const sectionLink = page
      .getByRole("heading", { level: 3, name: "5. Prüfung der Anbindung an die Familienzentren" })
      .first()
      .getByRole("link");
    await sectionLink.click();
    await expect(
      page.getByRole("heading", { level: 1, name: "5. Prüfung der Anbindung an die Familienzentren" }),
    ).toBeVisible();
  });

  test("empty and over-long queries get a friendly German message; nothing breaks", async ({ page }) => {
    await signInAndWait(page, "jugendamt");
    await page.goto("/suche");
    await expect(page.getByRole("status")).toHaveText("Bitte geben Sie einen Suchbegriff ein.");
    await expectNoAxeViolations(page, "empty search page");
    await searchFor(page, "x".repeat(201));
    await expect(page.getByRole("status")).toHaveText(
      "Der Suchbegriff darf höchstens 200 Zeichen lang sein. Bitte kürzen Sie ihn.",
    );
    await expect(page.getByRole("search", { name: "Konzepte durchsuchen" }).getByLabel("Suchbegriff")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expectNoAxeViolations(page, "over-long query");
    for (const q of ["der die das", "'\"&|!<->():*", "<script>alert(1)</script>"]) {
      const response = await page.goto(`/suche?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("status")).toContainText("Treffer");
    }
  });

  test("an internal comment is found by the Verwaltung only; committee members find no drafts", async ({
    browser,
    request,
  }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request);
    const secret = randomWord("Zwergpinguin");
    const lead = await (await browser.newContext()).newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.goto(`/konzepte/${conceptId}/abschnitte/${sectionIds[AWO_SECTION]}`);
    await lead.getByLabel("Kommentar", { exact: true }).fill(`Intern: ${secret} vorab mit der Kämmerei klären.`);
    await lead.getByLabel("nur Verwaltung (intern)").check();
    await lead.getByRole("button", { name: "Kommentieren" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();

    const jugendamt = await (await browser.newContext()).newPage();
    await signInAndWait(jugendamt, "jugendamt");
    await jugendamt.goto(`/suche?q=${secret}`);
    await expect(jugendamt.getByRole("status")).toHaveText(`1 Treffer für „${secret}“.`);
    await expect(jugendamt.getByText("nur Verwaltung", { exact: true })).toBeVisible();
    await jugendamt.getByRole("link", { name: "Kommentar" }).click();
    await expect(jugendamt).toHaveURL(/\?thread=([0-9a-f-]{36})#thread-\1$/);
    await expect(jugendamt.locator("li[id^=thread-]").filter({ hasText: secret })).toBeInViewport();

    for (const user of ["diakonie", "awo", "ausschuss"] as const) {
      const page = await (await browser.newContext()).newPage();
      await signInAndWait(page, user);
      await page.goto(`/suche?q=${secret}`);
      await expect(page.getByRole("status"), user).toHaveText(`Keine Treffer für „${secret}“.`);
      if (user === "ausschuss") {
        await page.goto("/suche?q=Familienzentren");
        await expect(page.getByRole("status")).toHaveText("Keine Treffer für „Familienzentren“.");
      }
      await page.context().close();
    }
  });
});
