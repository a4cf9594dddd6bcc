import {
  DEMO_PASSWORD,
  demoEmail,
  expect,
  expectNoAxeViolations,
  signIn,
  signInAndWait,
  test,
} from "../support/fixtures";

test.describe("sign-in @smoke", () => {
  test("an anonymous visit lands on sign-in, also for deep links", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/anmelden$/);
    await page.goto("/konzepte/00000000-0000-4000-8000-000000000000");
    await expect(page).toHaveURL(/\/anmelden\?callbackUrl=/);
    await expect(page.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();
    await expectNoAxeViolations(page, "sign-in");
  });

  test("a wrong password shows the neutral message and creates no session", async ({ page, context }) => {
    await signIn(page, "diakonie", "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Anmeldung" })).toContainText(
      "Die Anmeldung ist nicht möglich",
    );
    await expectNoAxeViolations(page, "sign-in with error");
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
    await page.goto("/");
    await expect(page).toHaveURL(/\/anmelden$/);
  });

  test("an unknown account gets exactly the same message", async ({ page }) => {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill("niemand@demo.example");
    await page.getByLabel("Passwort").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Anmeldung" })).toHaveText(
      "Die Anmeldung ist nicht möglich. Bitte prüfen Sie E-Mail-Adresse und Passwort. Nach mehreren Fehlversuchen ist die Anmeldung für kurze Zeit gesperrt.",
    );
  });

  test("the sign-in page lists the demo accounts while demo data is present", async ({ page }) => {
    await page.goto("/anmelden");
    const demo = page.getByRole("region", { name: "Demokonten" });
    for (const user of ["federfuehrung", "jugendamt", "diakonie", "awo", "ausschuss", "admin"] as const) {
      await expect(demo.getByText(demoEmail(user))).toBeVisible();
    }
  });

  test("sign-in and sign-out", async ({ page }) => {
    await signInAndWait(page, "federfuehrung");
    await expect(page.getByText("Angemeldet als Lena Hoffmann")).toBeVisible();
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page).toHaveURL(/\/anmelden/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/anmelden$/);
  });

  test("APIs answer 401 without a session; health is public @smoke", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: process.env.DATABASE_URL ? "postgres" : "pglite" });
    const api = await request.get("/api/irgendwas");
    expect(api.status()).toBe(401);
    expect((await api.json()).message).toBe("Bitte melden Sie sich an.");
  });
});
