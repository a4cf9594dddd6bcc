import type { Browser, Page } from "@playwright/test";
import {
  createFreshConcept,
  expect,
  expectNoAxeViolations,
  signInAndWait,
  test,
  type DemoUser,
} from "../support/fixtures";

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user);
  return page;
}

/** Takes a workflow step; irreversible steps ask first, and the dialog's confirming button is named. */
async function step(page: Page, name: string, newStatus: string, confirm?: string) {
  const panel = page.getByRole("region", { name: "Arbeitsablauf" });
  await panel.getByRole("button", { name }).click();
  if (confirm) await page.getByRole("alertdialog").getByRole("button", { name: confirm }).click();
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
  if (decision === "Ablehnen")
    await expect(page.getByRole("region", { name: "Frühere Runden" })).toContainText(remarks!);
}

test("the whole journey: consultation, Mitzeichnung with a rejection, release, submission, reading room, outcomes, closed", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const title = `Reise ${Math.random().toString(36).slice(2, 8)}`;
  const { conceptId, sectionIds } = await createFreshConcept(request, title);
  const lead = await pageAs(browser, "federfuehrung");
  const overview = `/konzepte/${conceptId}`;
  await lead.goto(overview);
  const panel = lead.getByRole("region", { name: "Arbeitsablauf" });
  await expect(panel).toContainText("Entwurf");
  await expectNoAxeViolations(lead, "workflow panel in Entwurf");

  // A confirmation can be cancelled without effect.
  await panel.getByRole("button", { name: "Konsultation eröffnen" }).click();
  const dialog = lead.getByRole("alertdialog", { name: "Konsultation eröffnen?" });
  await expect(dialog).toContainText("kommentieren und Änderungen vorschlagen");
  await expectNoAxeViolations(lead, "confirmation dialog");
  await dialog.getByRole("button", { name: "Abbrechen" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.locator("p", { hasText: "Aktueller Status:" })).toHaveText("Aktueller Status: Entwurf");
  await step(lead, "Konsultation eröffnen", "Konsultation", "Ja, Konsultation eröffnen");

  // Consultation: a Träger comments and proposes; the lead records the Abwägung and accepts the proposal.
  const sectionUrl = `${overview}/abschnitte/${sectionIds["Finanzierung"]}`;
  const diakonie = await pageAs(browser, "diakonie");
  await diakonie.goto(sectionUrl);
  await diakonie.getByLabel("Kommentar", { exact: true }).fill("Bitte die Landesförderung nennen.");
  await diakonie.getByRole("button", { name: "Kommentieren" }).click();
  await expect(diakonie.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
  await diakonie.getByRole("link", { name: "Neufassung vorschlagen" }).click();
  const proposalEditor = diakonie.getByRole("textbox", { name: "Vorgeschlagener Text für „Finanzierung“" });
  await proposalEditor.click();
  await diakonie.keyboard.press("ControlOrMeta+a");
  await diakonie.keyboard.type("Die Finanzierung erfolgt aus kommunalen Mitteln und der Landesförderung.");
  await diakonie.getByLabel("Begründung").fill("Landesförderung ergänzt.");
  await diakonie.getByRole("button", { name: "Vorschlag einreichen" }).click();
  await expect(diakonie.getByRole("heading", { level: 1, name: "Änderungsvorschlag zu „Finanzierung“" })).toBeVisible();

  await lead.goto(sectionUrl);
  const thread = lead.locator("li[id^=thread-]").filter({ hasText: "Bitte die Landesförderung nennen." });
  await thread.getByText("Abwägung festhalten").click();
  await thread.getByLabel("übernommen", { exact: true }).check();
  await thread.getByLabel("Begründung").fill("Mit dem Änderungsvorschlag aufgenommen.");
  await thread.getByRole("button", { name: "Entscheidung speichern" }).click();
  await expect(thread.getByText("Abwägung: übernommen").first()).toBeVisible();
  await thread.getByRole("button", { name: "Als erledigt markieren" }).click();
  await lead.getByRole("link", { name: /Miriam Schulte \(Diakonie Düsseldorf\): Landesförderung ergänzt/ }).click();
  await lead.getByRole("button", { name: "Vorschlag übernehmen" }).click();
  await expect(lead.getByText("Abwägung: übernommen")).toBeVisible();

  await lead.goto(overview);
  await step(lead, "Konsultation beenden", "Überarbeitung");
  await expect(panel.getByText("8 Abschnitte noch nicht abgestimmt")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Mitzeichnung starten" })).toHaveCount(0);
  await expectNoAxeViolations(lead, "workflow panel with blockers");

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

  // The lead sets the four signing organisations of this journey before the Mitzeichnung (Caritas is not asked).
  await lead.goto(`${overview}/mitzeichnung`);
  await lead.getByRole("checkbox", { name: "Caritasverband Düsseldorf" }).uncheck();
  await lead.getByRole("button", { name: "Mitzeichnende Organisationen speichern" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "Gespeichert:" })).toBeVisible();
  await expectNoAxeViolations(lead, "Mitzeichnung page before start");

  await lead.goto(overview);
  await step(lead, "Mitzeichnung starten", "Mitzeichnung", "Ja, Mitzeichnung starten");

  const awo = await pageAs(browser, "awo");
  await signOffAs(awo, conceptId, "Ablehnen", "Der Standort Garath fehlt.");
  await expectNoAxeViolations(awo, "Mitzeichnung page after rejection");

  await lead.goto(overview);
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText(
    "Abgelehnt von AWO Düsseldorf: Der Standort Garath fehlt.",
  );
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText("Überarbeitung");
  await step(lead, "Mitzeichnung starten", "Mitzeichnung", "Ja, Mitzeichnung starten");

  await signOffAs(lead, conceptId, "Zustimmen");
  for (const user of ["jugendamt", "diakonie"] as const)
    await signOffAs(await pageAs(browser, user), conceptId, "Zustimmen");
  await lead.goto(overview);
  await expect(panel.getByText("Mitzeichnung AWO Düsseldorf fehlt")).toBeVisible();
  await expectNoAxeViolations(lead, "workflow panel in Mitzeichnung");
  await signOffAs(awo, conceptId, "Zustimmen");

  await lead.goto(`${overview}/mitzeichnung`);
  const matrix = lead.getByRole("region", { name: "Mitzeichnungen" });
  await expect(matrix.getByRole("row", { name: /AWO Düsseldorf zugestimmt/ })).toBeVisible();
  await expect(lead.getByRole("region", { name: "Frühere Runden" })).toContainText("aufgehoben");
  await expectNoAxeViolations(lead, "sign-off matrix complete");

  await lead.goto(overview);
  await step(lead, "Freigeben", "Freigegeben", "Ja, freigeben");
  await expect(lead.getByRole("region", { name: "Arbeitsablauf" })).toContainText("Freigegeben");
  await expectNoAxeViolations(lead, "workflow panel in Freigegeben");

  // Submission with the Beratungsfolge, then the committee member reads, downloads and asks.
  const reference = `AGS/${Math.floor(Math.random() * 900 + 100)}/${Date.now() % 100000}`;
  await lead.goto(`${overview}/vorlage`);
  await lead.getByLabel("Beschlussvorlage").check();
  await lead.getByLabel("Datum der Vorlage").fill("2022-05-17");
  await lead.getByLabel("Vorlagennummer").fill(reference);
  await lead.getByLabel("Finanzielle Auswirkungen", { exact: true }).fill("Siehe Abschnitt Finanzierung.");
  await lead.getByLabel("Begründung", { exact: true }).fill("Der Rat hat das Konzept beauftragt.");
  await lead.getByRole("button", { name: "Vorlage einreichen" }).click();
  await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Vorlage einreichen" }).click();
  await expect(lead.getByRole("heading", { level: 2, name: `Vorlage ${reference}` })).toBeVisible({ timeout: 30_000 });

  const member = await pageAs(browser, "ausschuss");
  await member.getByRole("link", { name: title }).click();
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    member.getByText("Die Finanzierung erfolgt aus kommunalen Mitteln und der Landesförderung."),
  ).toBeVisible();
  const pdf = await member.request.get(
    (await member.getByRole("link", { name: /PDF der Vorlage herunterladen/ }).getAttribute("href"))!,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await member.getByLabel("Ihre Rückfrage").fill("Ab wann gilt die Landesförderung?");
  await member.getByRole("button", { name: "Rückfrage senden" }).click();
  await expect(member.getByText("Ihre Rückfrage ist gesendet.")).toBeVisible();
  expect((await member.goto(sectionUrl))?.status()).toBe(404);

  await lead.goto(`${overview}/lesesaal`);
  await lead.getByLabel("Antwort der Verwaltung").fill("Ab dem Haushaltsjahr 2023.");
  await lead.getByRole("button", { name: "Antwort senden" }).click();
  await expect(lead.getByText("Ab dem Haushaltsjahr 2023.")).toBeVisible();

  await lead.goto(`${overview}/vorlage`);
  for (const committee of ["IR", "JHA", "AGS"]) {
    await lead
      .getByLabel(`Ergebnis ${committee}`, { exact: true })
      .selectOption(committee === "AGS" ? "beschlossen" : "zur_kenntnis_genommen");
    await lead.getByRole("button", { name: `Ergebnis ${committee} speichern` }).click();
    await expect(lead.getByTestId(`outcome-${committee}`)).toContainText(
      committee === "AGS" ? "beschlossen" : "zur Kenntnis genommen",
    );
  }
  await lead.getByRole("button", { name: "Beratung abschließen (Beraten)" }).click();
  await expect(lead.getByText("Beraten", { exact: true })).toBeVisible();
  await lead.getByRole("button", { name: "Konzept abschließen" }).click();
  await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Konzept abschließen" }).click();
  await expect(lead.getByText("Abgeschlossen", { exact: true })).toBeVisible();
  await member.goto(`${overview}/lesesaal`);
  await expect(member.getByText("Ab dem Haushaltsjahr 2023.")).toBeVisible();
});
