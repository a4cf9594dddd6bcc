import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

test.describe("the Beratungsfolge editor on the Vorlage page", () => {
  test("the lead removes, adds, moves and re-dates committees with the keyboard; the plan follows; submission fixes it", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const title = `Beratungsfolge ${Math.random().toString(36).slice(2, 8)}`;
    const { conceptId } = await createFreshConcept(request, title);
    const context = await browser.newContext();
    const lead = await context.newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.goto(`/konzepte/${conceptId}/vorlage`);
    const folge = lead.getByRole("region", { name: "Beratungsfolge" });
    await expect(folge.getByRole("heading", { level: 3, name: "1. Integrationsrat (IR)" })).toBeVisible();
    await expectNoAxeViolations(lead, "Beratungsfolge editor");

    // Remove IR: the plan on the overview no longer has its meeting.
    await lead.getByRole("button", { name: "Entfernen (IR)" }).click();
    await expect(folge.getByRole("heading", { level: 3, name: "1. Jugendhilfeausschuss (JHA)" })).toBeVisible();
    await expect(folge.getByRole("heading", { name: /Integrationsrat/ })).toHaveCount(0);
    await lead.goto(`/konzepte/${conceptId}`);
    await expect(lead.getByRole("cell", { name: "Sitzung JHA" })).toBeVisible();
    await expect(lead.getByRole("cell", { name: "Sitzung IR" })).toHaveCount(0);

    // Add it back; a Vorlagenfrist after the meeting is refused in German and nothing is stored.
    await lead.goto(`/konzepte/${conceptId}/vorlage`);
    const add = lead.getByRole("form", { name: "Gremium hinzufügen" });
    await expect(add.getByLabel("Gremium", { exact: true }).locator("option")).toHaveText([
      "Bitte wählen",
      "Integrationsrat (IR)",
    ]);
    await add.getByLabel("Gremium", { exact: true }).selectOption({ label: "Integrationsrat (IR)" });
    await add.getByLabel("Rolle", { exact: true }).selectOption("kenntnisnahme");
    await add.getByLabel("Sitzung", { exact: true }).fill("2022-05-31");
    await add.getByLabel("Beginn", { exact: true }).fill("16:30");
    await add.getByLabel("Vorlagenfrist", { exact: true }).fill("2022-06-02");
    await add.getByRole("button", { name: "Gremium hinzufügen" }).click();
    await expect(add.getByText("Die Vorlagenfrist muss vor der Sitzung liegen.").first()).toBeVisible();
    await expect(add.getByLabel("Vorlagenfrist", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(folge.getByRole("heading", { name: /Integrationsrat/ })).toHaveCount(0);
    await add.getByLabel("Vorlagenfrist", { exact: true }).fill("2022-05-17");
    await add.getByRole("button", { name: "Gremium hinzufügen" }).click();
    await expect(folge.getByRole("heading", { level: 3, name: "3. Integrationsrat (IR)" })).toBeVisible();
    await expect(lead.getByText("Alle Gremien sind bereits in der Beratungsfolge.")).toBeVisible();

    // Move it to the front with the keyboard only.
    await lead.getByRole("button", { name: "Nach oben (IR)" }).focus();
    await lead.keyboard.press("Enter");
    await expect(folge.getByRole("heading", { level: 3, name: "2. Integrationsrat (IR)" })).toBeVisible();
    await lead.getByRole("button", { name: "Nach oben (IR)" }).focus();
    await lead.keyboard.press("Enter");
    await expect(folge.getByRole("heading", { level: 3, name: "1. Integrationsrat (IR)" })).toBeVisible();
    await expect(lead.getByRole("button", { name: "Nach oben (IR)" })).toBeDisabled();

    // Re-date JHA and give it the role Vorberatung explicitly.
    await lead.getByLabel("Sitzung JHA").fill("2022-06-10");
    await lead.getByLabel("Rolle JHA").selectOption("vorberatung");
    await lead.getByRole("button", { name: "Speichern JHA" }).click();
    await expect(
      lead.getByRole("form", { name: "Beratung im JHA ändern" }).getByText("Die Beratungsfolge ist gespeichert."),
    ).toBeVisible();
    await lead.reload();
    await expect(lead.getByLabel("Sitzung JHA")).toHaveValue("2022-06-10");
    await expect(lead.getByLabel("Beginn JHA")).toHaveValue("14:00");
    await expect(lead.getByLabel("Rolle IR")).toHaveValue("kenntnisnahme");
    await expect(lead.getByLabel("Vorlagenfrist IR")).toHaveValue("2022-05-17");
    await expectNoAxeViolations(lead, "Beratungsfolge edited");
    await folge.screenshot({ path: "test-results/beratungsfolge-editor.png" });

    // Released and submitted: the Beratungsfolge is fixed as edited.
    expect((await request.post("/api/test-support/concepts/released", { data: { conceptId } })).ok()).toBe(true);
    await lead.goto(`/konzepte/${conceptId}/vorlage`);
    await lead.getByLabel("Vorlagennummer").fill(`AGS/${Math.floor(Math.random() * 900 + 100)}/${Date.now() % 100000}`);
    await lead.getByLabel("Datum der Vorlage").fill("2022-05-17");
    await lead.getByLabel("Finanzielle Auswirkungen", { exact: true }).fill("Keine.");
    await lead.getByLabel("Begründung", { exact: true }).fill("Der Rat hat das Konzept beauftragt.");
    await lead.getByRole("button", { name: "Vorlage einreichen" }).click();
    await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Vorlage einreichen" }).click();
    await expect(lead.getByTestId("vorlage-sha512")).toHaveText(/^[0-9a-f]{128}$/, { timeout: 30_000 });
    await expect(lead.getByRole("button", { name: /^(Entfernen|Nach oben|Speichern) / })).toHaveCount(0);
    await expect(lead.getByRole("form", { name: "Gremium hinzufügen" })).toHaveCount(0);
    await expect(folge.getByText("1. Integrationsrat (IR) · Kenntnisnahme")).toBeVisible();
    await context.close();
  });

  test("a Verwaltung author and a Träger see the Beratungsfolge but cannot edit it", async ({ browser, request }) => {
    const { conceptId } = await createFreshConcept(request);
    for (const user of ["jugendamt", "awo"] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAndWait(page, user);
      await page.goto(`/konzepte/${conceptId}/vorlage`);
      await expect(page.getByText(/1\. Integrationsrat \(IR\) · Vorberatung/)).toBeVisible();
      await expect(page.getByRole("button", { name: /Entfernen|Nach oben|Speichern|Gremium hinzufügen/ })).toHaveCount(
        0,
      );
      await expect(page.getByLabel("Rolle IR")).toHaveCount(0);
      await context.close();
    }
  });
});
