import type { Browser, Page } from "@playwright/test";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test, type DemoUser } from "../support/fixtures";

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user);
  return page;
}

async function step(page: Page, name: string, newStatus: string) {
  const panel = page.getByRole("region", { name: "Arbeitsablauf" });
  await panel.getByRole("button", { name }).click();
  await expect(panel.locator("p", { hasText: "Aktueller Status:" })).toHaveText(`Aktueller Status: ${newStatus}`);
}

async function signOffAs(page: Page, conceptId: string, decision: "Zustimmen" | "Ablehnen", remarks?: string) {
  await page.goto(`/konzepte/${conceptId}/mitzeichnung`);
  await expect(page.getByRole("heading", { level: 1, name: "Mitzeichnung" })).toBeVisible();
  await page.getByRole("radio", { name: decision, exact: true }).check();
  if (remarks) await page.getByLabel("Anmerkungen oder Begründung").fill(remarks);
  await page.getByRole("button", { name: "Mitzeichnung abgeben" }).click();
  // The form disappears once the organisation has signed; the decision shows in the matrix or the history.
  await expect(page.getByRole("button", { name: "Mitzeichnung abgeben" })).toHaveCount(0);
  if (decision === "Ablehnen") await expect(page.getByRole("region", { name: "Frühere Runden" })).toContainText(remarks!);
}

test("Mitzeichnung: rejection returns to Überarbeitung, all four approve, the lead releases", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { conceptId } = await createFreshConcept(request);
  const lead = await pageAs(browser, "federfuehrung");
  const overview = `/konzepte/${conceptId}`;
  await lead.goto(overview);
  const panel = lead.getByRole("region", { name: "Arbeitsablauf" });
  await expect(panel).toContainText("Entwurf");
  await expectNoAxeViolations(lead, "workflow panel in Entwurf");

  await step(lead, "Konsultation eröffnen", "Konsultation");
  await step(lead, "Konsultation beenden", "Überarbeitung");
  await expect(panel.getByText("8 Abschnitte noch nicht abgestimmt")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Mitzeichnung starten" })).toHaveCount(0);
  await expectNoAxeViolations(lead, "workflow panel with blockers");
  await panel.screenshot({ path: "/tmp/workflow-panel-blocked.png" });

  for (const [name, left] of [
    [/^Zur Abstimmung stellen/, "Zur Abstimmung stellen"],
    [/^Als abgestimmt markieren/, "Als abgestimmt markieren"],
  ] as const) {
    for (let remaining = 8; remaining > 0; remaining--) {
      await expect(lead.getByRole("button", { name })).toHaveCount(remaining);
      await lead.getByRole("button", { name }).first().click();
    }
    await expect(lead.getByRole("button", { name: new RegExp(`^${left}`) })).toHaveCount(0);
  }

  // Caritas has no demo user: the lead sets the four signing organisations before the Mitzeichnung.
  await lead.goto(`${overview}/mitzeichnung`);
  await lead.getByRole("checkbox", { name: "Caritasverband Düsseldorf" }).uncheck();
  await lead.getByRole("button", { name: "Mitzeichnende Organisationen speichern" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "Gespeichert:" })).toBeVisible();
  await expectNoAxeViolations(lead, "Mitzeichnung page before start");

  await lead.goto(overview);
  await step(lead, "Mitzeichnung starten", "Mitzeichnung");

  const awo = await pageAs(browser, "awo");
  await signOffAs(awo, conceptId, "Ablehnen", "Der Standort Garath fehlt.");
  await expectNoAxeViolations(awo, "Mitzeichnung page after rejection");

  await lead.goto(overview);
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText("Abgelehnt von AWO Düsseldorf: Der Standort Garath fehlt.");
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText("Überarbeitung");
  await step(lead, "Mitzeichnung starten", "Mitzeichnung");

  await signOffAs(lead, conceptId, "Zustimmen");
  for (const user of ["jugendamt", "diakonie"] as const) await signOffAs(await pageAs(browser, user), conceptId, "Zustimmen");
  await lead.goto(overview);
  await expect(panel.getByText("Mitzeichnung AWO Düsseldorf fehlt")).toBeVisible();
  await expectNoAxeViolations(lead, "workflow panel in Mitzeichnung");
  await signOffAs(awo, conceptId, "Zustimmen");

  await lead.goto(`${overview}/mitzeichnung`);
  const matrix = lead.getByRole("region", { name: "Mitzeichnungen" });
  await expect(matrix.getByRole("row", { name: /AWO Düsseldorf zugestimmt/ })).toBeVisible();
  await expect(lead.getByRole("region", { name: "Frühere Runden" })).toContainText("aufgehoben");
  await expectNoAxeViolations(lead, "sign-off matrix complete");
  await matrix.screenshot({ path: "/tmp/signoff-matrix.png" });

  await lead.goto(overview);
  await panel.screenshot({ path: "/tmp/workflow-panel-release.png" });
  await step(lead, "Freigeben", "Freigegeben");
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText("Freigegeben");
  await expectNoAxeViolations(lead, "workflow panel in Freigegeben");
});
