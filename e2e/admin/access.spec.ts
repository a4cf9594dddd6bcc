import { forgeServerAction, uniq } from "../support/admin";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const ADMIN_PAGES = [
  "/administration",
  "/administration/organisationen",
  "/administration/organisationen/00000000-0000-4000-8000-000000000000",
  "/administration/personen",
  "/administration/personen/neu",
  "/administration/personen/00000000-0000-4000-8000-000000000000",
  "/administration/konzepte",
  "/administration/e-mails",
];

test.describe("administration is refused by the server", () => {
  test("a contributor gets 404 on every admin page and on the new-concept form, and sees no admin link", async ({ page }) => {
    await signInAndWait(page, "diakonie");
    await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Neues Konzept aus Ratsauftrag" })).toHaveCount(0);
    for (const url of [...ADMIN_PAGES, "/konzepte/neu"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    }
  });

  test("a lead without the admin flag gets 404 too, but may open the new-concept form", async ({ page }) => {
    await signInAndWait(page, "federfuehrung");
    expect((await page.goto("/administration/personen"))?.status()).toBe(404);
    expect((await page.goto("/konzepte/neu"))?.status()).toBe(200);
  });

  test("forged action calls by a contributor change nothing", async ({ page, browser, request }) => {
    const name = `Geschmuggelt ${uniq()}`;
    await signInAndWait(page, "diakonie");
    const forgedOrg = await forgeServerAction(page, "/", "createOrganisationAction", { name, shortName: "X", kind: "traeger" });
    expect(forgedOrg.body).toContain("FORBIDDEN");
    const forgedUser = await forgeServerAction(page, "/", "createUserAction", {
      name: "Eindringling",
      email: `eindringling.${uniq()}@example.org`,
      organisationIds: "00000000-0000-4000-8000-000000000000",
      isAdmin: "on",
      access: "link",
    });
    expect(forgedUser.body).toContain("FORBIDDEN");
    const { conceptId } = await createFreshConcept(request);
    const forgedParticipant = await forgeServerAction(page, "/", "addParticipantAction", { conceptId, kind: "user", userId: "00000000-0000-4000-8000-000000000000", role: "lead" });
    expect(forgedParticipant.body).toContain("NOT_FOUND");
    // Still no administration for the contributor.
    expect((await page.goto("/administration"))?.status()).toBe(404);

    // The participants page is readable for the contributor, without any way to change it.
    await page.goto(`/konzepte/${conceptId}/beteiligte`);
    await expect(page.getByRole("heading", { level: 1, name: "Beteiligte" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Beteiligte hinzufügen" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /entfernen/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "participants page (read only)");

    const context = await browser.newContext();
    const admin = await context.newPage();
    await signInAndWait(admin, "admin");
    await admin.goto(`/administration/organisationen?q=${encodeURIComponent(name)}`);
    await expect(admin.getByText("Keine Organisation gefunden.")).toBeVisible();
    await context.close();
  });
});
