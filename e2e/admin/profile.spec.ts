import { createFreshUser, uniq } from "../support/admin";
import { expect, expectNoAxeViolations, test } from "../support/fixtures";
import type { Page } from "@playwright/test";

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

test.describe("the own profile", () => {
  test("a person changes name and language, then the password; every session ends", async ({
    page,
    browser,
    request,
  }) => {
    const id = uniq();
    const email = `profil.${id}@stadt.example`;
    await createFreshUser(request, { name: `Rosa Profil ${id}`, email, password: "altes-passwort-2026" });

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInAs(other, email, "altes-passwort-2026");
    await expect(other.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();

    await signInAs(page, email, "altes-passwort-2026");
    await page.getByRole("link", { name: "Profil" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
    await expectNoAxeViolations(page, "profile");

    const data = page.getByRole("region", { name: "Persönliche Angaben" });
    await data.getByLabel("Name").fill("");
    await data.getByRole("button", { name: "Speichern" }).click();
    await expect(data.getByText("Bitte geben Sie einen Namen ein.")).toBeVisible();
    await data.getByLabel("Name").fill(`Rosa Neu ${id}`);
    await data.getByLabel("Sprache").selectOption("en");
    await data.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
    await expect(page.getByText(`Signed in as Rosa Neu ${id}`)).toBeVisible();
    const details = page.getByRole("region", { name: "Personal details" });
    await details.getByLabel("Language").selectOption("de");
    await details.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();

    const password = page.getByRole("region", { name: "Passwort ändern" });
    await password.getByLabel("Bisheriges Passwort").fill("falsches-passwort-1");
    await password.getByLabel("Neues Passwort", { exact: true }).fill("neues-passwort-2026");
    await password.getByLabel("Neues Passwort wiederholen").fill("neues-passwort-2026");
    await password.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(password.getByText("Das bisherige Passwort ist nicht korrekt.")).toBeVisible();
    await expect(password.getByLabel("Bisheriges Passwort")).toBeFocused();
    await expectNoAxeViolations(page, "profile with error");

    await password.getByLabel("Bisheriges Passwort").fill("altes-passwort-2026");
    await password.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page).toHaveURL(/\/anmelden\?passwort=geaendert/);
    await expect(page.getByRole("status")).toContainText("Ihr Passwort wurde geändert.");

    await other.reload();
    await expect(other).toHaveURL(/\/anmelden/);
    await otherContext.close();

    await signInAs(page, email, "neues-passwort-2026");
    await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
  });
});
