import { captureServerAction, replayServerAction, uniq } from "../support/admin";
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
  test("a contributor gets 404 on every admin page and on the new-concept form, and sees no admin link", async ({
    page,
  }) => {
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

  test("an admin's and a lead's requests replayed by a contributor change nothing", async ({
    page,
    browser,
    request,
  }) => {
    const id = uniq();
    const orgName = `Geschmuggelt ${id}`;
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInAndWait(admin, "admin");
    await admin.goto("/administration/organisationen");
    const form = admin.getByRole("region", { name: "Neue Organisation" });
    await form.getByLabel("Name", { exact: true }).fill(orgName);
    await form.getByLabel("Kurzbezeichnung").fill("X");
    const createOrg = await captureServerAction(admin, () =>
      form.getByRole("button", { name: "Organisation anlegen" }).click(),
    );

    await admin.goto("/administration/personen/neu");
    await admin.getByLabel("Name", { exact: true }).fill("Eindringling");
    await admin.getByLabel("E-Mail-Adresse").fill(`eindringling.${id}@example.org`);
    await admin.getByRole("checkbox", { name: "Diakonie Düsseldorf" }).check();
    await admin.getByRole("checkbox", { name: "Administration" }).check();
    const createUser = await captureServerAction(admin, () =>
      admin.getByRole("button", { name: "Person anlegen" }).click(),
    );

    const { conceptId } = await createFreshConcept(request);
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.goto(`/konzepte/${conceptId}/beteiligte`);
    const add = lead.getByRole("region", { name: "Beteiligte hinzufügen" });
    await add.getByLabel("Person").check();
    await add.getByLabel("Person", { exact: true }).last().selectOption({ label: "Miriam Schulte · Diakonie" });
    await add.getByLabel("Rolle").selectOption({ label: "Federführung" });
    const addLead = await captureServerAction(lead, () => add.getByRole("button", { name: "Hinzufügen" }).click());
    await leadContext.close();

    await signInAndWait(page, "diakonie");
    const forgedOrg = await replayServerAction(page, createOrg);
    expect(forgedOrg.body).toContain('"code":"FORBIDDEN"');
    const forgedUser = await replayServerAction(page, createUser);
    expect(forgedUser.body).toContain('"code":"FORBIDDEN"');
    const forgedLead = await replayServerAction(page, addLead);
    expect(forgedLead.body).toContain('"code":"NOT_FOUND"');
    expect((await page.goto("/administration"))?.status()).toBe(404);

    // The participants page is readable for the contributor, without any way to change it; still no lead role.
    await page.goto(`/konzepte/${conceptId}/beteiligte`);
    await expect(page.getByRole("heading", { level: 1, name: "Beteiligte" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Miriam Schulte" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Beteiligte hinzufügen" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /entfernen/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "participants page (read only)");

    await admin.goto(`/administration/organisationen?q=${encodeURIComponent(orgName)}`);
    await expect(admin.getByText("Keine Organisation gefunden.")).toBeVisible();
    await admin.goto(`/administration/personen?status=all&q=eindringling.${id}`);
    await expect(admin.getByText("Keine Person gefunden.")).toBeVisible();
    await adminContext.close();
  });
});
