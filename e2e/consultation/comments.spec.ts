import type { Page } from "@playwright/test";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const AWO_SECTION = "Verstetigung in der Gemeinwesenarbeit";

async function openSection(page: Page, conceptId: string, sectionId: string) {
  await page.goto(`/konzepte/${conceptId}/abschnitte/${sectionId}`);
  await expect(page.getByRole("heading", { level: 1, name: `4. ${AWO_SECTION}` })).toBeVisible();
}

/** Selects a passage of the rendered section text the way a mouse drag would. */
async function selectText(page: Page, passage: string) {
  await page.evaluate((needle) => {
    const root = document.querySelector("[data-section-text]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`passage not found: ${needle}`);
  }, passage);
}

test.describe("comments on sections", () => {
  test("a Träger comments a passage of a section it cannot edit; the Verwaltung replies, resolves and decides", async ({
    browser,
    request,
  }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request);
    const sectionId = sectionIds[AWO_SECTION]!;

    const diakonieContext = await browser.newContext();
    const diakonie = await diakonieContext.newPage();
    await signInAndWait(diakonie, "diakonie");
    await openSection(diakonie, conceptId, sectionId);
    await expect(diakonie.getByRole("button", { name: "Bearbeiten", exact: true })).toHaveCount(0);
    await selectText(diakonie, "umfangreiche Synergieeffekte");
    await expect(diakonie.getByLabel("Bezugstext (optional)")).toHaveValue("umfangreiche Synergieeffekte");
    await diakonie.getByLabel("Kommentar", { exact: true }).fill("Bitte die Synergieeffekte konkret benennen.");
    await diakonie.getByRole("button", { name: "Kommentieren" }).click();
    await expect(diakonie.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
    const thread = diakonie.getByRole("listitem").filter({ hasText: "Bitte die Synergieeffekte konkret benennen." });
    await expect(thread.getByRole("blockquote").or(thread.locator("blockquote"))).toHaveText(
      "umfangreiche Synergieeffekte",
    );
    await expect(diakonie.locator("mark.comment-anchor")).toHaveText("umfangreiche Synergieeffekte");
    await expectNoAxeViolations(diakonie, "section with a thread");

    const jaContext = await browser.newContext();
    const ja = await jaContext.newPage();
    await signInAndWait(ja, "jugendamt");
    await openSection(ja, conceptId, sectionId);
    const jaThread = ja.getByRole("listitem").filter({ hasText: "Bitte die Synergieeffekte konkret benennen." });
    await jaThread.getByLabel("Antworten").fill("Wir ergänzen Beispiele aus den Stadtbezirken.");
    // The action's answer, read on its way to the page (the browser does not keep streamed bodies to ask for later).
    let answer = "";
    await ja.route(`**/konzepte/${conceptId}/abschnitte/${sectionId}`, async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const response = await route.fetch();
      answer = (await response.body()).toString("utf8");
      await route.fulfill({ response });
    });
    await jaThread.getByRole("button", { name: "Antwort senden" }).click();
    await expect(jaThread.getByRole("status").filter({ hasText: "Antwort gespeichert." })).toBeVisible();
    // The action answers with the reply alone, not with the page rendered again (its section text, its threads).
    expect(answer).toContain("Beispiele aus den Stadtbezirken.");
    expect(answer).not.toContain("Ziel ist, die vor dem Hintergrund");
    await ja.unrouteAll();
    // The reply appears from the action's answer (the page is not rendered again) and can be corrected at once;
    // after a reload the thread lists it exactly once, from the database.
    const reply = (text: string) => jaThread.getByRole("listitem").filter({ hasText: text });
    await expect(reply("Wir ergänzen Beispiele aus den Stadtbezirken.")).toHaveCount(1);
    // The focus does not drop to the page: it is on the reply just sent, which a screen reader reads out.
    await expect(reply("Wir ergänzen Beispiele aus den Stadtbezirken.")).toBeFocused();
    await reply("Wir ergänzen Beispiele aus den Stadtbezirken.").getByRole("button", { name: "Bearbeiten" }).click();
    await jaThread.getByLabel("Kommentar bearbeiten").fill("Wir ergänzen Beispiele aus allen Stadtbezirken.");
    await jaThread.getByRole("button", { name: "Speichern", exact: true }).click();
    await expect(reply("Wir ergänzen Beispiele aus allen Stadtbezirken.")).toHaveCount(1);
    await expect(reply("Wir ergänzen Beispiele aus allen Stadtbezirken.")).toContainText("bearbeitet");
    // The confirmation outlives the closed editing form (and the reply's move into the server-rendered list) and takes the focus.
    await expect(jaThread.getByRole("status").filter({ hasText: "Kommentar geändert." })).toBeFocused();
    await ja.reload();
    await expect(reply("Wir ergänzen Beispiele aus allen Stadtbezirken.")).toHaveCount(1);
    await expect(reply("aus den Stadtbezirken")).toHaveCount(0);
    // The decision form is rendered when its disclosure is first opened, not with every thread of the page.
    await expect(ja.getByRole("button", { name: "Entscheidung speichern", includeHidden: true })).toHaveCount(0);
    await jaThread.getByText("Abwägung festhalten").click();
    await jaThread.getByRole("button", { name: "Entscheidung speichern" }).click();
    await expect(jaThread.getByText("Bitte wählen Sie eine Entscheidung.")).toBeVisible();
    await jaThread.getByLabel("teilweise übernommen").check();
    await jaThread.getByLabel("Begründung").fill("Beispiele werden in Abschnitt 6 ergänzt.");
    await jaThread.getByRole("button", { name: "Entscheidung speichern" }).click();
    await expect(jaThread.getByText("Abwägung: teilweise übernommen").first()).toBeVisible();
    await jaThread.getByRole("button", { name: "Als erledigt markieren" }).click();
    await expect(jaThread.getByText("erledigt", { exact: true })).toBeVisible();
    await expectNoAxeViolations(ja, "thread decided and resolved");
    // A reply sent by mistake is deleted at once; the thread confirms it where the focus was.
    await jaThread.getByLabel("Antworten").fill("Versehentlich gesendet.");
    await jaThread.getByRole("button", { name: "Antwort senden" }).click();
    await reply("Versehentlich gesendet.").getByRole("button", { name: "Löschen" }).click();
    await expect(jaThread.getByRole("status").filter({ hasText: "Kommentar gelöscht." })).toBeFocused();
    await expect(reply("Versehentlich gesendet.")).toHaveCount(0);

    // The Träger sees the reply and the decision; the decision arrived in its inbox.
    await diakonie.goto("/benachrichtigungen");
    const ofThisConcept = diakonie.locator(`[href*="${conceptId}"]`);
    await expect(
      diakonie.getByRole("link", { name: /Entscheidung zu Ihrem Kommentar: teilweise übernommen/ }).and(ofThisConcept),
    ).toBeVisible();
    // Two replies (one since deleted), two notifications.
    await expect(diakonie.getByRole("link", { name: /Neue Antwort zu/ }).and(ofThisConcept)).toHaveCount(2);
    await expectNoAxeViolations(diakonie, "inbox");
    await diakonie.getByRole("button", { name: "Alle als gelesen markieren" }).click();
    await expect(diakonie.getByText("Alles gelesen.")).toBeVisible();

    await diakonieContext.close();
    await jaContext.close();
  });

  test("an internal comment never reaches a Träger, and a mention shows in the inbox", async ({ browser, request }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request);
    const sectionId = sectionIds[AWO_SECTION]!;
    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    await signInAndWait(lead, "federfuehrung");
    await openSection(lead, conceptId, sectionId);
    await lead.getByLabel("Kommentar", { exact: true }).fill("Intern: Finanzierung zuerst mit der Kämmerei klären.");
    await lead.getByLabel("nur Verwaltung (intern)").check();
    await lead.getByRole("button", { name: "Kommentieren" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
    await lead.getByLabel("Kommentar", { exact: true }).fill("Frau Aydın, bitte den Absatz zur Verstetigung prüfen.");
    await lead.getByText("Personen oder Organisationen erwähnen").first().click();
    await lead.getByLabel("@Deniz Aydın").first().check();
    await lead.getByRole("button", { name: "Kommentieren" }).click();
    await expect(
      lead.locator("li[id^=thread-]").filter({ hasText: "bitte den Absatz zur Verstetigung prüfen" }),
    ).toBeVisible();

    const awoContext = await browser.newContext();
    const awo = await awoContext.newPage();
    await signInAndWait(awo, "awo");
    await expect(awo.getByRole("link", { name: /Benachrichtigungen/ })).toContainText("ungelesen");
    await awo.goto("/benachrichtigungen");
    // This concept's notification (earlier runs against the same database leave theirs in the inbox too).
    const mention = awo
      .getByRole("link", { name: /Lena Hoffmann hat Sie in „Verstetigung in der Gemeinwesenarbeit“ erwähnt/ })
      .and(awo.locator(`[href*="${conceptId}"]`));
    await expect(mention).toBeVisible();
    await expect(awo.getByText("Kämmerei")).toHaveCount(0);
    await mention.click();
    await expect(awo).toHaveURL(new RegExp(`/abschnitte/${sectionId}\\?thread=`));
    await expect(awo.getByText("bitte den Absatz zur Verstetigung prüfen")).toBeVisible();
    await expect(awo.getByText("Kämmerei")).toHaveCount(0);
    expect(await awo.content()).not.toContain("Kämmerei");
    await awo.goto(`/konzepte/${conceptId}/synopse`);
    await expect(awo.getByRole("heading", { level: 1, name: "Synopse (Abwägung)" })).toBeVisible();
    expect(await awo.content()).not.toContain("Kämmerei");
    await expectNoAxeViolations(awo, "Synopse (Träger)");
    const awoCsv = await awo.request.get(`/api/concepts/${conceptId}/synopse?format=csv`);
    expect(awoCsv.status()).toBe(200);
    const awoCsvText = await awoCsv.text();
    expect(awoCsvText).toContain("bitte den Absatz zur Verstetigung prüfen");
    expect(awoCsvText).not.toContain("Kämmerei");

    await lead.goto(`/konzepte/${conceptId}/synopse`);
    await expect(lead.getByRole("table", { name: "Kommentare und Änderungsvorschläge mit Abwägung" })).toContainText(
      "Kämmerei",
    );
    await expectNoAxeViolations(lead, "Synopse (lead)");
    expect(await (await lead.request.get(`/api/concepts/${conceptId}/synopse?format=csv`)).text()).toContain(
      "Kämmerei",
    );
    const pdf = await lead.request.get(`/api/concepts/${conceptId}/synopse?format=pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await leadContext.close();
    await awoContext.close();
  });

  test("bad input gets a German message at the field and stores nothing", async ({ page, request }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request);
    await signInAndWait(page, "awo");
    await openSection(page, conceptId, sectionIds[AWO_SECTION]!);
    await page.getByLabel("Bezugstext (optional)").fill("Diesen Satz gibt es im Abschnitt nicht");
    await page.getByLabel("Kommentar", { exact: true }).fill("Kommentar zu nichts");
    await page.getByRole("button", { name: "Kommentieren" }).click();
    await expect(
      page.getByText("Die markierte Textstelle steht nicht (mehr) im aktuellen Text des Abschnitts.").first(),
    ).toBeVisible();
    await expect(page.getByLabel("Kommentar", { exact: true })).toHaveValue("Kommentar zu nichts");
    await expect(page.getByText("Keine Kommentare in dieser Ansicht.")).toBeVisible();
    await expectNoAxeViolations(page, "comment form with error");
  });

  test("a long Synopse comes in pages of 50 that keep the filter; a page out of range shows the nearest one", async ({
    page,
    request,
  }) => {
    const { conceptId } = await createFreshConcept(request, undefined, { threads: 120 });
    const synopse = `/konzepte/${conceptId}/synopse`;
    await signInAndWait(page, "federfuehrung");
    await page.goto(synopse);
    const table = page.getByRole("table", { name: "Kommentare und Änderungsvorschläge mit Abwägung" });
    const pages = page.getByRole("navigation", { name: "Seiten der Synopse" });
    await expect(page.getByRole("status").filter({ hasText: "120 Einträge · Einträge 1–50" })).toBeVisible();
    await expect(pages.getByText("Seite 1 von 3")).toBeVisible();
    await expect(pages.getByRole("link", { name: "Seite 1", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(pages.getByRole("link", { name: /Vorherige Seite/ })).toHaveCount(0);
    await expect(table.getByRole("row")).toHaveCount(51);
    // The first section's threads come first: Hinweis 1 is in section 1, on the first page.
    await expect(table.getByRole("cell", { name: "Hinweis 1", exact: true })).toBeVisible();

    await pages.getByRole("link", { name: /Nächste Seite/ }).click();
    await expect(pages.getByText("Seite 2 von 3")).toBeVisible();
    await expect(page).toHaveURL(/[?&]seite=2/);
    await expect(pages.getByRole("link", { name: "Seite 2", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(pages.getByRole("link", { name: "Seite 1", exact: true })).not.toHaveAttribute("aria-current");
    await expect(table.getByRole("cell", { name: "Hinweis 1", exact: true })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Einträge 51–100" })).toBeVisible();
    await expectNoAxeViolations(page, "Synopse, page 2");
    await pages.getByRole("link", { name: "Seite 3", exact: true }).click();
    await expect(pages.getByText("Seite 3 von 3")).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(21);
    await expect(pages.getByRole("link", { name: /Nächste Seite/ })).toHaveCount(0);

    // The filter starts again on page 1 and its pages keep it.
    await page.getByLabel("Organisation").selectOption({ label: "AWO Düsseldorf" });
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "60 Einträge im Filter, von 120 insgesamt" }),
    ).toBeVisible();
    await expect(pages.getByText("Seite 1 von 2")).toBeVisible();
    await pages.getByRole("link", { name: /Nächste Seite/ }).click();
    await expect(pages.getByText("Seite 2 von 2")).toBeVisible();
    await expect(page).toHaveURL(/organisation=[0-9a-f-]{36}.*seite=2/);
    await expect(page.getByLabel("Organisation")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(table.getByRole("row")).toHaveCount(11);
    await expect(table.getByRole("cell", { name: /Diakonie Düsseldorf/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "Synopse, filtered page 2");

    for (const [seite, shown] of [
      ["99", "Seite 3 von 3"],
      ["abc", "Seite 1 von 3"],
      ["-1", "Seite 1 von 3"],
    ] as const) {
      const response = await page.goto(`${synopse}?seite=${seite}`);
      expect(response?.status(), seite).toBe(200);
      await expect(pages.getByText(shown)).toBeVisible();
    }
  });
});
