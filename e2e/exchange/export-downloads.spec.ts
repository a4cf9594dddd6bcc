import { readFile } from "node:fs/promises";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

test.describe("exports and the concept backup", () => {
  test("the lead downloads a PDF with a busy state and a live status; the server keeps answering meanwhile", async ({
    page,
  }) => {
    const { conceptId } = await createFreshConcept(page.request, "Export mit Fortschritt");
    await signInAndWait(page, "federfuehrung");
    await page.goto(`/konzepte/${conceptId}/fassungen`);
    const downloads = page.getByRole("navigation", { name: "Herunterladen" });
    // A slow connection: the response is held back a moment, so the busy state can be seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/export?format=pdf*", async (route) => {
      await held;
      await route.continue();
    });
    const downloadEvent = page.waitForEvent("download");
    await downloads.getByRole("link", { name: "PDF" }).click();
    await expect(downloads.getByRole("status").first()).toHaveText("Export wird erstellt …");
    await expect(downloads.getByRole("link", { name: "PDF" })).toHaveAttribute("aria-busy", "true");
    await expectNoAxeViolations(page, "Fassungen while an export is being created");
    release();
    const download = await downloadEvent;
    await expect(downloads.getByRole("link", { name: "PDF" })).not.toHaveAttribute("aria-busy");
    await expect(downloads.getByRole("status").first()).toHaveText(/Export fertig: .*\.pdf/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expectNoAxeViolations(page, "Fassungen with a finished export");

    // While a PDF renders (in a worker thread), the health check and a page still answer promptly.
    const started = Date.now();
    const exportRequest = page.request
      .get(`/api/concepts/${conceptId}/export?format=pdf&version=current`)
      .then((r) => ({ ok: r.ok(), ms: Date.now() - started }));
    const health: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      expect((await page.request.get("/api/health")).ok()).toBe(true);
      health.push(Date.now() - t);
    }
    const exported = await exportRequest;
    console.log(`PDF-Export ${exported.ms} ms; /api/health währenddessen ${health.join(", ")} ms`);
    expect(exported.ok).toBe(true);
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  test("a failed export says why in the live region", async ({ page }) => {
    const { conceptId } = await createFreshConcept(page.request, "Export ohne Fassung");
    await signInAndWait(page, "federfuehrung");
    await page.goto(`/konzepte/${conceptId}/fassungen`);
    // The session ends while the page is open: the server answers 401 with a German message.
    await page.context().clearCookies();
    await page.getByRole("navigation", { name: "Herunterladen" }).getByRole("link", { name: "Markdown" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Export fehlgeschlagen" })).toHaveText(
      "Export fehlgeschlagen: Bitte melden Sie sich an.",
    );
    await expectNoAxeViolations(page, "Fassungen with a failed export");
  });

  test("the lead downloads the JSON backup from the audit page; a Träger gets 404 and an unknown format a clear message", async ({
    page,
    browser,
  }) => {
    const { conceptId } = await createFreshConcept(page.request, "Sicherung im Browser");
    await signInAndWait(page, "federfuehrung");
    await page.goto(`/konzepte/${conceptId}/protokoll`);
    const downloadEvent = page.waitForEvent("download");
    await page.getByRole("link", { name: "Sicherung des ganzen Konzepts (JSON)" }).click();
    const download = await downloadEvent;
    await expect(page.getByRole("status").filter({ hasText: "Export fertig" })).toHaveText(/\.json/);
    const backup = JSON.parse(await readFile((await download.path())!, "utf8")) as {
      format: string;
      schemaVersion: number;
      payload: { conceptId: string };
    };
    expect(backup).toMatchObject({ format: "konzeptwerk-konzeptsicherung", schemaVersion: 1, payload: { conceptId } });
    await expectNoAxeViolations(page, "audit page with the backup link");
    const unknown = await page.request.get(`/api/concepts/${conceptId}/export?format=xml`);
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).fieldErrors.format).toContain("Unbekanntes Format");

    const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "de-DE" });
    const traeger = await context.newPage();
    try {
      await signInAndWait(traeger, "awo");
      expect((await traeger.request.get(`/api/concepts/${conceptId}/export?format=json`)).status()).toBe(404);
      expect((await traeger.request.get(`/api/concepts/${conceptId}/export?format=md&version=current`)).status()).toBe(
        200,
      );
    } finally {
      await context.close();
    }
  });
});
