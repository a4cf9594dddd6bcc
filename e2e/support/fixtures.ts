import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "welcome-points-demo";
export type DemoUser = "federfuehrung" | "jugendamt" | "diakonie" | "awo" | "caritas" | "ausschuss" | "admin";
export const demoEmail = (user: DemoUser) => `${user}@demo.example`;

/** Signs in through the real form, like a person would. */
export async function signIn(page: Page, user: DemoUser, password = DEMO_PASSWORD) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(demoEmail(user));
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

export async function signInAndWait(page: Page, user: DemoUser) {
  await signIn(page, user);
  await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
}

/** axe-core against WCAG 2.1 A and AA; every page and state a test visits should pass. */
export async function expectNoAxeViolations(page: Page, label?: string) {
  // After a server action the page re-renders; analyse the settled page, with its title in place.
  await expect.poll(() => page.title(), { message: "page has a title" }).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe violations${label ? ` on ${label}` : ""}`).toEqual([]);
}

/**
 * Every test fails when the page requests anything from another origin (fonts, scripts, trackers) or opens
 * a JavaScript dialog (a sign of injected script), or when a client component misses a message: pages send
 * the client only the namespaces their <ClientMessages> lists, and next-intl only logs what is missing.
 */
export const test = base.extend<{ foreignRequests: string[]; missingMessages: string[] }>({
  missingMessages: [
    async ({ context, browser }, use) => {
      const missing: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("console", (message) => {
          if (/MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text()))
            missing.push(`${message.text().split("\n")[0]} (${message.location().url})`);
        });
      watch(context);
      // Tests that act as two people open further contexts.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        watch(created);
        return created;
      };
      await use(missing);
      browser.newContext = newContext;
      expect(missing, "messages missing on the client").toEqual([]);
    },
    { auto: true },
  ],
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      page.on("dialog", async (dialog) => {
        foreign.push(`dialog:${dialog.message()}`);
        await dialog.dismiss();
      });
      await use(foreign);
      expect(foreign, "requests to other origins or unexpected dialogs").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export type FreshConcept = { conceptId: string; sectionIds: Record<string, string> };

/**
 * A fresh copy of the Welcome Points concept for one test (see app/api/test-support); `threads` adds Träger
 * comments, spread over the sections or all on the section titled `threadsOn`.
 */
export async function createFreshConcept(
  request: import("@playwright/test").APIRequestContext,
  title?: string,
  options: { threads?: number; threadsOn?: string; readyForSignoff?: boolean; unsignableOrganisation?: string } = {},
): Promise<FreshConcept> {
  const response = await request.post("/api/test-support/concepts", {
    data: {
      title: title ?? `Testkonzept ${Math.random().toString(36).slice(2, 8)}`,
      threads: options.threads,
      threadsOn: options.threadsOn,
      readyForSignoff: options.readyForSignoff,
      unsignableOrganisation: options.unsignableOrganisation,
    },
  });
  expect(response.ok(), "test-support route available").toBe(true);
  return (await response.json()) as FreshConcept;
}
