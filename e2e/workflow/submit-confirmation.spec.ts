import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";
import { shootDialog } from "../support/dialog-shots";

test("submitting the Vorlage asks first: which Fassung goes to which committees, frozen for them; cancelling stores nothing", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { conceptId } = await createFreshConcept(request);
  expect((await request.post("/api/test-support/concepts/released", { data: { conceptId } })).ok()).toBe(true);
  const reference = `AGS/${Math.floor(Math.random() * 900 + 100)}/${Date.now() % 100000}`;
  await signInAndWait(page, "federfuehrung");
  await page.goto(`/konzepte/${conceptId}/vorlage`);
  const intro = await page.getByText(/^Eingereicht wird die freigegebene Fassung „/).textContent();
  const fassung = /„(.+?)“/.exec(intro ?? "")![1]!;
  await page.getByLabel("Beschlussvorlage").check();
  await page.getByLabel("Vorlagennummer").fill(reference);
  await page.getByLabel("Datum der Vorlage").fill("2022-05-17");
  await page.getByLabel("Finanzielle Auswirkungen", { exact: true }).fill("Keine.");
  await page.getByLabel("Begründung", { exact: true }).fill("Der Rat hat das Konzept beauftragt.");

  const trigger = page.getByRole("button", { name: "Vorlage einreichen" });
  await trigger.click();
  const dialog = page.getByRole("alertdialog", { name: "Vorlage einreichen?" });
  await expect(dialog).toContainText(
    `Die freigegebene Fassung „${fassung}“ geht als Beschlussvorlage ${reference} an die 3 Gremien`,
  );
  await expect(dialog).toContainText("für die Gremien eingefroren");
  const committees = dialog.getByRole("listitem");
  await expect(committees).toHaveCount(3);
  await expect(committees.nth(0)).toContainText("1. Integrationsrat (IR) – Vorberatung, Sitzung am");
  await expect(committees.nth(1)).toContainText("(JHA) – Vorberatung");
  await expect(committees.nth(2)).toContainText("3. Ausschuss für Gesundheit und Soziales (AGS) – Entscheidung");
  await expect(dialog).toContainText("Die Mitglieder dieser Gremien werden benachrichtigt");
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeFocused();
  await expectNoAxeViolations(page, "Vorlage confirmation");
  await shootDialog(page, "confirm-vorlage");

  // Escape and "Abbrechen" cancel; the form keeps its input, nothing is submitted.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await trigger.click();
  await dialog.getByRole("button", { name: "Abbrechen" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel("Vorlagennummer")).toHaveValue(reference);
  await page.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(`hat die Vorlage ${reference} eingereicht`)).toHaveCount(0);
  await page.goto(`/konzepte/${conceptId}/vorlage`);
  await expect(page.getByRole("heading", { level: 2, name: "Vorlage einreichen" })).toBeVisible();
  await expect(page.getByTestId("vorlage-sha512")).toHaveCount(0);

  // Confirmed: submitted.
  await page.getByLabel("Beschlussvorlage").check();
  await page.getByLabel("Vorlagennummer").fill(reference);
  await page.getByLabel("Datum der Vorlage").fill("2022-05-17");
  await page.getByLabel("Finanzielle Auswirkungen", { exact: true }).fill("Keine.");
  await page.getByLabel("Begründung", { exact: true }).fill("Der Rat hat das Konzept beauftragt.");
  await trigger.click();
  await dialog.getByRole("button", { name: "Ja, Vorlage einreichen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Vorlage ${reference}` })).toBeVisible({ timeout: 30_000 });
  await page.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(page.getByText(`hat die Vorlage ${reference} eingereicht`)).toHaveCount(1);
});
