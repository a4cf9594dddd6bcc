import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

/**
 * Issue 16, finding 2: an admin without a role in a concept downloaded its whole backup and read its Protokoll.
 * Now the admin gets 404 until they open break-glass access with a reason; the lead is told and sees every step.
 */
test("the admin reaches backup and Protokoll only through break-glass, which the lead sees", async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Notfall ${Math.random().toString(36).slice(2, 8)}`;
  const { conceptId } = await createFreshConcept(page.request, title);
  await signInAndWait(page, "admin");

  expect((await page.request.get(`/api/concepts/${conceptId}/export?format=json`)).status()).toBe(404);
  expect((await page.request.get(`/api/concepts/${conceptId}/audit`)).status()).toBe(404);
  expect((await page.goto(`/konzepte/${conceptId}/protokoll`))?.status()).toBe(404);
  // Who takes part stays visible to the admin, without a way into the content.
  await page.goto(`/konzepte/${conceptId}/beteiligte`);
  await expect(page.getByRole("heading", { level: 1, name: "Beteiligte" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: /Brotkrumen|Pfad/ }).getByRole("link", { name: title }),
  ).toHaveCount(0);

  await page.goto("/administration/konzepte");
  await page.getByRole("link", { name: `Notfallzugriff auf Sicherung und Protokoll von „${title}“` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notfallzugriff" })).toBeVisible();
  await expectNoAxeViolations(page, "break-glass page");
  await page.getByLabel("Begründung").fill("zu kurz");
  await page.getByRole("button", { name: "Notfallzugriff öffnen und Federführung benachrichtigen" }).click();
  await expect(page.getByText(/mindestens 20 Zeichen/).first()).toBeVisible();
  await page.getByLabel("Begründung").fill("Ticket 4711: Umzug auf die neue Installation");
  await page.getByRole("button", { name: "Notfallzugriff öffnen und Federführung benachrichtigen" }).click();
  await expect(page).toHaveURL(new RegExp(`/konzepte/${conceptId}/protokoll`));
  await expect(page.getByRole("status").filter({ hasText: "Notfallzugriff geöffnet bis" })).toBeVisible();
  const backup = await page.request.get(`/api/concepts/${conceptId}/export?format=json`);
  expect(backup.status()).toBe(200);
  expect((await backup.json()).payload.conceptId).toBe(conceptId);
  // The concept itself stays closed.
  expect((await page.goto(`/konzepte/${conceptId}`))?.status()).toBe(404);

  const leadContext = await browser.newContext({ baseURL, locale: "de-DE" });
  try {
    const lead = await leadContext.newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.goto(`/konzepte/${conceptId}`);
    const banner = lead.getByRole("region", { name: "Notfallzugriff der Administration aktiv" });
    await expect(banner).toContainText("Ticket 4711: Umzug auf die neue Installation");
    await lead.goto("/benachrichtigungen");
    await expect(lead.getByText(`Notfallzugriff der Administration auf „${title}“`).first()).toBeVisible();
    await lead.goto(`/konzepte/${conceptId}/protokoll?kategorie=concept`);
    // Each event as a sentence; the raw event behind a disclosure.
    const opened = lead.getByRole("row").filter({ hasText: "hat einen Notfallzugriff geöffnet" });
    await expect(opened).toContainText("Begründung: „Ticket 4711: Umzug auf die neue Installation“");
    await expect(
      lead.getByText(/hat die Sicherung des Konzepts heruntergeladen \(SHA-256 [0-9a-f]{12}…\)/),
    ).toBeVisible();
    await expect(opened.getByText("concept.break_glass_opened")).toBeHidden();
    await opened.getByText("Rohdaten").click();
    await expect(opened.getByText("concept.break_glass_opened")).toBeVisible();
  } finally {
    await leadContext.close();
  }
});
