import { expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const TITLE = "Weiterentwicklung und Verstetigung der Welcome Points in Düsseldorf";

test.describe("what each demo role sees", () => {
  for (const [user, role] of [
    ["federfuehrung", "Federführung"],
    ["jugendamt", "Verwaltung (Autorin/Autor)"],
    ["diakonie", "Träger (Mitwirkung)"],
    ["awo", "Träger (Mitwirkung)"],
  ] as const) {
    test(`${user} sees the concept with role ${role}, its overview and a section`, async ({ page }) => {
      await signInAndWait(page, user);
      const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: TITLE }) });
      await expect(card).toContainText(role);
      await expect(card).toContainText("Vorlagenfrist IR");
      await expect(card).toContainText("noch 63 Tage");
      await expectNoAxeViolations(page, `start page (${user})`);

      await card.getByRole("link", { name: TITLE }).click();
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(
        page.getByRole("table", { name: "Gremien in der Reihenfolge der Beratung" }).getByRole("row"),
      ).toHaveCount(4);
      const sections = page.getByRole("table", { name: "Abschnitte des Konzepts mit Zuständigkeit und Stand" });
      await expect(sections.getByRole("row")).toHaveCount(9);
      await expect(sections).toContainText("Diakonie Düsseldorf");
      await page.getByText("Antragstext anzeigen").click();
      await expect(
        page.getByText("Dabei ist insbesondere eine strukturelle Anbindung an die Familienzentren zu prüfen."),
      ).toBeVisible();
      await expectNoAxeViolations(page, `concept overview (${user})`);

      await sections.getByRole("link", { name: "Standorte und Träger je Stadtbezirk" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "6. Standorte und Träger je Stadtbezirk" }),
      ).toBeVisible();
      await expect(page.getByRole("table").getByRole("cell", { name: "AWO Düsseldorf (Benrath)" })).toBeVisible();
      await expectNoAxeViolations(page, `section page (${user})`);
    });
  }

  test("a committee member sees no drafts and no other concept", async ({ page }) => {
    await signInAndWait(page, "ausschuss");
    // Other specs may submit concepts to the AGS meanwhile; whatever is listed must be submitted, never a draft.
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    const cards = page.getByRole("list", { name: "Konzepte, an denen Sie beteiligt sind" }).getByRole("listitem");
    if ((await cards.count()) === 0)
      await expect(page.getByText("Ihrem Gremium wurde noch kein Konzept vorgelegt.")).toBeVisible();
    for (const card of await cards.all()) await expect(card).toContainText(/Eingereicht|Beraten|Abgeschlossen/);
    await expectNoAxeViolations(page, "committee start page");
  });

  test("the admin, not a participant, sees no concept content", async ({ page }) => {
    await signInAndWait(page, "admin");
    await expect(page.getByText("Sie sind derzeit an keinem Konzept beteiligt.")).toBeVisible();
  });

  test("a concept id is 404 for outsiders, the same as an unknown id", async ({ browser }) => {
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.getByRole("link", { name: TITLE }).click();
    await expect(lead.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    const conceptUrl = lead.url();
    const sectionHref = await lead.getByRole("link", { name: "Finanzierung" }).first().getAttribute("href");
    await leadContext.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "ausschuss");
    for (const url of [
      conceptUrl,
      sectionHref!,
      "/konzepte/00000000-0000-4000-8000-000000000000",
      "/konzepte/kein-uuid",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    }
    await expectNoAxeViolations(page, "404");
    await context.close();
  });
});
