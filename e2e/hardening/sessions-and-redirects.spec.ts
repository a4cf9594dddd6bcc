import { DEMO_PASSWORD, demoEmail, expect, signInAndWait, test } from "../support/fixtures";

/**
 * Issue 16, findings 1 and 3, in the browser: where sign-in sends the browser, and what "Abmelden" ends.
 * Before the fix `/anmelden?callbackUrl=/%5Cevil.example` sent the browser to http://evil.example/ (the fixture
 * fails every test whose page requests another origin), and a copy of the session cookie kept working after
 * sign-out.
 */
const HOSTILE = [
  "/\\evil.example",
  "/\t/evil.example",
  "//evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(document.domain)",
  "/\\/evil.example",
];

async function signInThroughForm(page: import("@playwright/test").Page) {
  await page.getByLabel("E-Mail-Adresse").fill(demoEmail("awo"));
  await page.getByLabel("Passwort").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

test.describe("after sign-in only paths on this site", () => {
  for (const target of HOSTILE) {
    for (const form of ["encoded", "decoded"] as const) {
      test(`callbackUrl ${JSON.stringify(target)} (${form}) lands on the start page`, async ({ page, baseURL }) => {
        // Encoded as a link would carry it, or written into the address bar as it is.
        const query = form === "encoded" ? encodeURIComponent(target) : target;
        let dialog = false;
        page.on("dialog", (d) => {
          dialog = true;
          void d.dismiss();
        });
        await page.goto(`/anmelden?callbackUrl=${query}`);
        await signInThroughForm(page);
        await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
        expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
        expect(new URL(page.url()).pathname).toBe("/");
        expect(dialog).toBe(false);
      });
    }
  }

  test("a path on this site is kept, with its query", async ({ page }) => {
    await page.goto(`/anmelden?callbackUrl=${encodeURIComponent("/profil?x=1")}`);
    await signInThroughForm(page);
    await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/profil?x=1");
  });
});

test.describe("sign-in form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posts, so the password never lands in a URL", async ({ page }) => {
    await page.goto("/anmelden");
    const requests: { method: string; url: string; navigation: boolean; body: string | null }[] = [];
    page.on("request", (r) =>
      requests.push({ method: r.method(), url: r.url(), navigation: r.isNavigationRequest(), body: r.postData() }),
    );
    await page.getByLabel("E-Mail-Adresse").fill(demoEmail("awo"));
    await page.getByLabel("Passwort").fill("geheimes-passwort-123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForLoadState();
    const submitted = requests.find((r) => r.navigation);
    expect(submitted?.method).toBe("POST");
    expect(submitted?.body).toContain("geheimes-passwort");
    for (const r of requests) expect(r.url).not.toContain("geheimes-passwort");
    expect(page.url()).not.toContain("geheimes-passwort");
    expect(page.url()).not.toContain("password");
  });
});

test.describe("sign-out ends the session on the server", () => {
  test("a copied session cookie no longer works after 'Abmelden'", async ({ page, browser, baseURL }) => {
    await signInAndWait(page, "diakonie");
    const copy = await browser.newContext({ baseURL, locale: "de-DE" });
    try {
      await copy.addCookies(await page.context().cookies());
      const thief = await copy.newPage();
      await thief.goto("/");
      await expect(thief.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();

      await page.getByRole("button", { name: "Abmelden" }).click();
      await expect(page).toHaveURL(/\/anmelden/);

      // The copy still sends the very same cookie …
      expect((await copy.cookies()).some((c) => c.name.includes("session-token"))).toBe(true);
      // … and is signed out all the same: pages send it to sign-in, APIs answer 401.
      await thief.goto("/");
      await expect(thief).toHaveURL(/\/anmelden$/);
      const api = await thief.request.get("/api/concepts/00000000-0000-4000-8000-000000000000/export?format=md");
      expect(api.status()).toBe(401);
    } finally {
      await copy.close();
    }
  });

  test("'Überall abmelden' on the profile page ends the sessions in every browser", async ({
    page,
    browser,
    baseURL,
  }) => {
    const other = await browser.newContext({ baseURL, locale: "de-DE" });
    try {
      const elsewhere = await other.newPage();
      await signInAndWait(elsewhere, "jugendamt");
      await signInAndWait(page, "jugendamt");
      await page.goto("/profil");
      const sessions = page.getByRole("region", { name: "Anmeldungen" });
      await sessions.getByRole("button", { name: "Überall abmelden" }).click();
      await expect(page).toHaveURL(/\/anmelden\?abgemeldet=ueberall$/);
      await expect(page.getByRole("status")).toContainText("Sie sind auf allen Geräten abgemeldet.");
      await elsewhere.goto("/profil");
      await expect(elsewhere).toHaveURL(/\/anmelden/);
      // Signing in again works at once.
      await signInAndWait(page, "jugendamt");
    } finally {
      await other.close();
    }
  });
});
