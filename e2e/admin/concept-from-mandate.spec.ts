import { uniq } from "../support/admin";
import { expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const MOTION = `Der Rat beauftragt die Verwaltung, gemeinsam mit den Trägern ein Konzept zur Quartiersarbeit zu erarbeiten.

1. Bedarfe in den Stadtteilen erheben,
2. bestehende Angebote bündeln.

Die Ergebnisse sind dem Integrationsrat, dem Jugendhilfeausschuss und dem Ausschuss für Gesundheit und Soziales vorzulegen.`;

test.describe("a new concept from a council mandate", () => {
  test("the lead creates a concept with three committees and adds a Träger organisation", async ({ page, browser }) => {
    const title = `Quartiersarbeit ${uniq()}`;
    await signInAndWait(page, "federfuehrung");
    await page.getByRole("link", { name: "Neues Konzept aus Ratsauftrag" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Neues Konzept aus einem Ratsauftrag" })).toBeVisible();
    await expectNoAxeViolations(page, "new concept form");

    await page.getByLabel("Titel des Konzepts").fill(title);
    await page.getByLabel("Antragstext").fill(MOTION);
    await page.getByLabel("Aktenzeichen").fill("RAT/123/2026");
    await page.getByLabel("Beschlossen am").fill("2026-03-12");
    await page.getByLabel("Frist").fill("2026-03-01");
    await page.getByLabel("Prüfauftrag 1", { exact: true }).fill("Bedarfe in den Stadtteilen erheben");
    // Bad input first: deadline before the decision, and no committee at all.
    await page.getByRole("button", { name: "Beratung 1 entfernen" }).click();
    await expect(page.getByRole("button", { name: "Gremium hinzufügen" })).toBeFocused();
    await page.getByRole("button", { name: "Konzept anlegen" }).click();
    await expect(page.getByText("Die Frist darf nicht vor dem Beschlussdatum liegen.")).toBeVisible();
    await expect(page.getByLabel("Frist")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Die Beratungsfolge braucht mindestens ein Gremium.")).toBeVisible();
    await expectNoAxeViolations(page, "new concept form with errors");

    await page.getByLabel("Frist").fill("2026-09-30");
    // Mandate items: add two, then move the last one up with the keyboard.
    await page.getByRole("button", { name: "Prüfauftrag hinzufügen" }).click();
    await page.getByLabel("Prüfauftrag 2", { exact: true }).fill("Träger beteiligen");
    await page.getByRole("button", { name: "Prüfauftrag hinzufügen" }).click();
    await page.getByLabel("Prüfauftrag 3", { exact: true }).fill("Bestehende Angebote bündeln");
    await page.getByRole("button", { name: "Prüfauftrag 3 nach oben verschieben" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Prüfauftrag 2", { exact: true })).toHaveValue("Bestehende Angebote bündeln");
    await expect(page.getByRole("button", { name: "Prüfauftrag 2 nach oben verschieben" })).toBeFocused();
    await expect(page.getByLabel("Prüfauftrag 3", { exact: true })).toHaveValue("Träger beteiligen");

    const committees = [
      ["Integrationsrat (IR) · Beirat", "Vorberatung", "2026-08-27"],
      ["Jugendhilfeausschuss (JHA) · Ausschuss", "Vorberatung", "2026-09-03"],
      ["Ausschuss für Gesundheit und Soziales (AGS) · Ausschuss", "Entscheidung", "2026-09-17"],
    ] as const;
    for (const [i, [committee, role, date]] of committees.entries()) {
      await page.getByRole("button", { name: "Gremium hinzufügen" }).click();
      const step = page.getByRole("group", { name: `Beratung ${i + 1}` });
      await step.getByLabel("Gremium").selectOption({ label: committee });
      await step.getByLabel("Rolle").selectOption({ label: role });
      await step.getByLabel("Sitzung am").fill(date);
    }
    await page.getByLabel("Vorlage „Welcome Points (RAT/676/2021)“ (8 Abschnitte)").check();
    await page.getByRole("button", { name: "Konzept anlegen" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Beteiligte" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Das Konzept wurde angelegt." })).toBeVisible();
    const table = page.getByRole("table", { name: "Beteiligte Personen und Organisationen mit ihrer Rolle" });
    await expect(table.getByRole("row").filter({ hasText: "Lena Hoffmann" })).toContainText("Federführung");
    await expectNoAxeViolations(page, "participants page");

    const add = page.getByRole("region", { name: "Beteiligte hinzufügen" });
    await add.getByLabel("Organisation", { exact: true }).selectOption({ label: "AWO Düsseldorf (Träger)" });
    await expect(add.getByLabel("Rolle")).toHaveValue("contributor");
    await add.getByRole("button", { name: "Hinzufügen" }).click();
    await expect(add.getByRole("status")).toHaveText("Die Beteiligung wurde hinzugefügt.");
    await expect(table.getByRole("row").filter({ hasText: "AWO Düsseldorf" })).toContainText("Träger");

    // The only lead cannot leave: refused by the server, shown in the dialog.
    await table.getByRole("button", { name: "Lena Hoffmann entfernen" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Beteiligung von Lena Hoffmann beenden?" });
    await expectNoAxeViolations(page, "remove dialog");
    await dialog.getByRole("button", { name: "Beteiligung beenden" }).click();
    await expect(dialog.getByRole("alert")).toContainText("mindestens eine aktive Federführung");
    await expectNoAxeViolations(page, "remove dialog with error");
    await dialog.getByRole("button", { name: "Abbrechen" }).click();

    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const folge = page.getByRole("table", { name: "Gremien in der Reihenfolge der Beratung" });
    await expect(folge.getByRole("row")).toHaveCount(4);
    await expect(folge.getByRole("row").nth(3)).toContainText("Entscheidung");
    await expect(page.getByRole("listitem").filter({ hasText: "2." }).first()).toContainText(
      "Bestehende Angebote bündeln",
    );
    await expect(
      page.getByRole("table", { name: "Abschnitte des Konzepts mit Zuständigkeit und Stand" }).getByRole("row"),
    ).toHaveCount(9);
    await expectNoAxeViolations(page, "new concept overview");

    // The AWO's members now take part as contributors.
    const context = await browser.newContext();
    const awo = await context.newPage();
    await signInAndWait(awo, "awo");
    await expect(awo.getByRole("listitem").filter({ has: awo.getByRole("link", { name: title }) })).toContainText(
      "Träger (Mitwirkung)",
    );
    await context.close();
  });
});
