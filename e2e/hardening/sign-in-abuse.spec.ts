import { createFreshUser, uniq } from "../support/admin";
import { expect, test } from "../support/fixtures";

/** What a person trying passwords sees: one neutral answer, and a German stop on the profile page. */
test("wrong passwords for existing and unknown accounts get the same answer", async ({ page }) => {
  const answers: string[] = [];
  for (const email of ["awo@demo.example", `${uniq()}@demo.example`]) {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill("ein-falsches-passwort");
    await page.getByRole("button", { name: "Anmelden" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toBeVisible();
    answers.push((await alert.innerText()).trim());
  }
  expect(answers[0]).toBe(answers[1]);
});

test("wrong current passwords on the profile page are throttled with a German message", async ({ page, request }) => {
  const email = `${uniq()}@stadt.example`;
  await createFreshUser(request, { name: "Rudi Raten", email, password: "altes-passwort-2026" });
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("altes-passwort-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
  await page.goto("/profil");
  const form = page.getByRole("region", { name: "Passwort ändern" });
  const tryPassword = async (current: string) => {
    await form.getByLabel("Bisheriges Passwort").fill(current);
    await form.getByLabel("Neues Passwort", { exact: true }).fill("neues-passwort-2026");
    await form.getByLabel("Neues Passwort wiederholen").fill("neues-passwort-2026");
    await form.getByRole("button", { name: "Passwort ändern" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await tryPassword(`geraten-${i}-xxxx`);
    await expect(form.getByText("Das bisherige Passwort ist nicht korrekt.")).toBeVisible();
  }
  // Locked: even the right password is refused for now.
  await tryPassword("altes-passwort-2026");
  await expect(form.getByText(/Zu viele falsche Versuche mit dem bisherigen Passwort/)).toBeVisible();
});
