import { createFreshUser, uniq, waitForMail } from "../support/admin";
import { expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

test.describe("administration: organisations and people", () => {
  test("admin creates an organisation and a person; the person sets a password through the one-time link", async ({
    page,
    browser,
  }) => {
    const id = uniq();
    const orgName = `Nachbarschaftshilfe ${id}`;
    const email = `kim.${id}@traeger.example`;

    await signInAndWait(page, "admin");
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Administration" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
    await expectNoAxeViolations(page, "administration overview");

    await page
      .getByRole("navigation", { name: "Bereiche der Administration" })
      .getByRole("link", { name: "Organisationen" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisationen" })).toBeVisible();
    await expectNoAxeViolations(page, "organisations");
    const form = page.getByRole("region", { name: "Neue Organisation" });
    await form.getByLabel("Name", { exact: true }).fill(orgName);
    await form.getByLabel("Kurzbezeichnung").fill(`NH ${id}`);
    await form.getByLabel("Art").selectOption({ label: "Träger" });
    await form.getByRole("button", { name: "Organisation anlegen" }).click();
    await expect(form.getByRole("status")).toHaveText("Die Organisation wurde angelegt.");
    await expect(page.getByRole("table").getByRole("link", { name: orgName })).toBeVisible();

    // Bad input: the same name again (other case), and a committee without classification.
    await form.getByLabel("Name", { exact: true }).fill(orgName.toUpperCase());
    await form.getByLabel("Kurzbezeichnung").fill("NH");
    await form.getByLabel("Art").selectOption({ label: "Gremium" });
    await form.getByRole("button", { name: "Organisation anlegen" }).click();
    await expect(
      form.getByText("Bitte wählen Sie für ein Gremium, ob es ein Ausschuss oder ein Beirat ist."),
    ).toBeVisible();
    await expect(form.getByLabel("Einordnung")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Einordnung").selectOption({ label: "Beirat" });
    await form.getByRole("button", { name: "Organisation anlegen" }).click();
    await expect(form.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Eine Organisation mit diesem Namen gibt es bereits.").first()).toBeVisible();
    await expectNoAxeViolations(page, "organisation form with errors");

    // Search finds it with its member count.
    await page.getByRole("search", { name: "Organisationen suchen" }).getByLabel("Name oder Kurzbezeichnung").fill(id);
    await page.getByRole("search", { name: "Organisationen suchen" }).getByRole("button", { name: "Suchen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 Organisation" })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Bereiche der Administration" })
      .getByRole("link", { name: "Personen" })
      .click();
    await expectNoAxeViolations(page, "people");
    await page.getByRole("link", { name: "Person anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Person anlegen" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill("Kim Berger");
    await page.getByLabel("E-Mail-Adresse").fill("kim@");
    await page.getByRole("button", { name: "Person anlegen" }).click();
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
    await expect(page.getByText("Bitte wählen Sie mindestens eine Organisation.")).toBeVisible();
    await expect(page.getByLabel("E-Mail-Adresse")).toBeFocused();
    await expectNoAxeViolations(page, "person form with errors");

    // An address that exists, in other case: refused at the field.
    await page.getByLabel("E-Mail-Adresse").fill("FEDERFUEHRUNG@demo.example");
    await page.getByRole("checkbox", { name: orgName }).check();
    await page.getByRole("button", { name: "Person anlegen" }).click();
    await expect(page.getByText("Diese E-Mail-Adresse ist bereits vergeben.")).toBeVisible();

    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByRole("button", { name: "Person anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kim Berger" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Einmal-Link" })).toContainText(email);
    await expectNoAxeViolations(page, "person page");

    const mail = await waitForMail(email);
    expect(mail).toContain("Guten Tag Kim Berger");
    const link = /http:\/\/[^\s]+\/zugang\/[A-Za-z0-9_-]{43}/.exec(mail)![0];

    const context = await browser.newContext();
    const invited = await context.newPage();
    await invited.goto(new URL(link).pathname);
    await expect(invited.getByRole("heading", { level: 1, name: "Passwort festlegen" })).toBeVisible();
    await expect(invited.getByText(`Konto: ${email}`)).toBeVisible();
    await expectNoAxeViolations(invited, "one-time link page");
    await invited.getByLabel("Neues Passwort").fill("zu-kurz");
    await invited.getByLabel("Passwort wiederholen").fill("zu-kurz");
    await invited.getByRole("button", { name: "Passwort festlegen und anmelden" }).click();
    await expect(invited.getByText("Das Passwort muss mindestens 12 Zeichen lang sein.")).toBeVisible();
    await expectNoAxeViolations(invited, "one-time link page with error");
    await invited.getByLabel("Neues Passwort").fill("ein-gutes-passwort-2026");
    await invited.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort-2026");
    await invited.getByRole("button", { name: "Passwort festlegen und anmelden" }).click();
    await expect(invited.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
    await expect(invited.getByText("Angemeldet als Kim Berger")).toBeVisible();

    // Used up: the same link does nothing any more.
    await invited.goto(new URL(link).pathname);
    await expect(
      invited.getByRole("alert").filter({ hasText: "ungültig, abgelaufen oder wurde bereits verwendet" }),
    ).toBeVisible();
    await context.close();
  });

  test("deactivating a person ends their running session at the next request", async ({ page, browser, request }) => {
    const id = uniq();
    const email = `jo.${id}@stadt.example`;
    await createFreshUser(request, { name: `Jo Deaktiviert ${id}`, email, password: "passwort-fuer-jo-2026" });

    const context = await browser.newContext();
    const jo = await context.newPage();
    await jo.goto("/anmelden");
    await jo.getByLabel("E-Mail-Adresse").fill(email);
    await jo.getByLabel("Passwort").fill("passwort-fuer-jo-2026");
    await jo.getByRole("button", { name: "Anmelden" }).click();
    await expect(jo.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();

    await signInAndWait(page, "admin");
    await page.goto(`/administration/personen?q=${id}`);
    await page.getByRole("link", { name: `Jo Deaktiviert ${id}` }).click();
    await page.getByRole("button", { name: "Person deaktivieren" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Jo Deaktiviert ${id} deaktivieren?` });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "deactivation dialog");
    await dialog.getByRole("button", { name: "Person deaktivieren" }).click();
    await expect(page.getByText("Diese Person ist deaktiviert.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Wieder aktivieren" })).toBeVisible();

    await jo.reload();
    await expect(jo).toHaveURL(/\/anmelden/);
    await context.close();
  });

  test("the last active admin cannot give up the admin right", async ({ page }) => {
    await signInAndWait(page, "admin");
    await page.goto("/administration/personen?q=admin%40demo.example");
    await page.getByRole("link", { name: "Tobias Krüger" }).click();
    await expect(page.getByText("Ihr eigenes Konto können Sie nicht deaktivieren.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Administration" }).uncheck();
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Bitte prüfen Sie die markierten Felder.");
    await expect(page.getByRole("group", { name: "Rechte" })).toContainText(
      "Die letzte aktive Person mit Administrationsrechten kann diese Rechte nicht verlieren.",
    );
    await expectNoAxeViolations(page, "last admin error");
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Administration" })).toBeChecked();
  });

  test("failed deliveries are listed and can be sent again", async ({ page, request }) => {
    const subject = `Fehlgeschlagen ${uniq()}`;
    expect((await request.post("/api/test-support/mail", { data: { subject } })).ok()).toBe(true);
    await signInAndWait(page, "admin");
    await page.goto("/administration/e-mails");
    await expect(page.getByRole("heading", { level: 1, name: "E-Mail-Postausgang" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toContainText("550 Mailbox unavailable");
    await expectNoAxeViolations(page, "outbox");
    await row.getByRole("button", { name: "E-Mail an fehler@stadt.example erneut senden" }).click();
    await waitForMail("fehler@stadt.example");
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(0, { timeout: 1000 });
    }).toPass();
    await expect(page.getByText("Zugestellt", { exact: true })).toBeVisible();
  });
});
