import type { Browser, Locator, Page } from "@playwright/test";
import { createFreshConcept, expect, signInAndWait, test, type DemoUser } from "../support/fixtures";
import { axe, editorText, moveCaret, SECTION, sectionUrl, shot } from "./helpers";

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, user);
  return page;
}

/** Opens the live editor and waits until it is connected (or, for a reader, until it says read-only). */
async function openLive(page: Page, conceptId: string, sectionId: string, state: "connected" | "readOnly") {
  await page.goto(`${sectionUrl(conceptId, sectionId)}/bearbeiten`);
  await expect(editorText(page)).toBeVisible();
  await expect(page.locator(`[data-connection="${state}"]`)).toBeVisible();
  return editorText(page);
}

const connection = (page: Page) => page.locator("[data-connection]");

/** The text itself, without the other people's carets and name labels drawn into it. */
const liveText = (text: Locator) =>
  text.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

test.describe("live co-authoring", () => {
  test("two people type in the same paragraph at once and see each other; a Träger of another organisation follows read-only", async ({
    browser,
    request,
  }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request);
    const sectionId = sectionIds[SECTION.diakonie]!;
    const lead = await pageAs(browser, "federfuehrung");
    const diakonie = await pageAs(browser, "diakonie");
    const leadText = await openLive(lead, conceptId, sectionId, "connected");
    const diakonieText = await openLive(diakonie, conceptId, sectionId, "connected");
    await expect(connection(lead)).toHaveText(/verbunden/);

    // Presence: each sees the other with name and organisation.
    await expect(lead.getByRole("region", { name: "Gerade im Abschnitt" })).toContainText(
      "Miriam Schulte (Diakonie Düsseldorf)",
    );
    await expect(diakonie.getByRole("region", { name: "Gerade im Abschnitt" })).toContainText("Lena Hoffmann");

    // Both in the same paragraph (one at its start, one at its end), typing at the same time.
    await leadText.click();
    await moveCaret(lead, "Control+End");
    await moveCaret(lead, "Home");
    await diakonieText.click();
    await moveCaret(diakonie, "Control+End");
    await Promise.all([
      lead.keyboard.type("Alpha von der Federführung. ", { delay: 20 }),
      diakonie.keyboard.type(" Beta von der Diakonie.", { delay: 20 }),
    ]);
    await expect.poll(() => liveText(leadText), { timeout: 1000 }).toContain("Beta von der Diakonie.");
    await expect.poll(() => liveText(diakonieText), { timeout: 1000 }).toContain("Alpha von der Federführung.");
    expect(await liveText(leadText)).toBe(await liveText(diakonieText));
    await shot(lead, "live-editing-lead");
    await axe(lead, "live editor");

    // AWO may read the Diakonie's section but not write it: the live text, in suggesting mode, with the reason.
    const awo = await pageAs(browser, "awo");
    const awoText = await openLive(awo, conceptId, sectionId, "connected");
    await expect(awo.getByTestId("suggest-notice")).toContainText("Diesen Abschnitt verantwortet Diakonie Düsseldorf");
    const leadNow = await liveText(leadText);
    await expect.poll(() => liveText(awoText)).toBe(leadNow);
    await expect(awo.getByRole("button", { name: "Version festhalten" })).toBeDisabled();
    await lead.keyboard.type(" Gamma live.");
    await expect.poll(() => liveText(awoText), { timeout: 1000 }).toContain("Gamma live.");
    // What AWO types is a suggestion, not a change of the text (forged direct changes: test/suggestions.integration.test.ts).
    await awoText.click();
    await moveCaret(awo, "Control+Home");
    await awo.keyboard.type("Eingriff ");
    await expect(leadText.locator("ins.suggestion")).toContainText("Eingriff", { timeout: 2000 });
    await shot(awo, "live-editing-suggesting");

    // "Version festhalten" cuts a revision of the live text with the note.
    await expect(diakonie.getByText("Version 1", { exact: true })).toBeVisible();
    await lead.getByLabel("Notiz zur Version (optional)").fill("Gemeinsam ergänzt");
    await lead.getByRole("button", { name: "Version festhalten" }).click();
    await expect(lead.getByText("Version 2 festgehalten.")).toBeVisible();
    // Everyone with the section open sees the new number in the editor's header, without reloading.
    for (const page of [lead, diakonie, awo]) await expect(page.getByText("Version 2", { exact: true })).toBeVisible();
    await lead.goto(sectionUrl(conceptId, sectionId));
    await expect(lead.getByRole("article")).toContainText("Beta von der Diakonie.");
    await expect(lead.getByRole("article")).toContainText("Gamma live.");
    // An open suggestion is never part of a revision.
    await expect(lead.getByRole("article")).not.toContainText("Eingriff");
  });

  test("the lead starts the Mitzeichnung while a Träger types: read-only within 2 s, the last words are in the frozen revision", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const { conceptId, sectionIds } = await createFreshConcept(request);
    const sectionId = sectionIds[SECTION.diakonie]!;
    const lead = await pageAs(browser, "federfuehrung");
    const overview = `/konzepte/${conceptId}`;
    await lead.goto(overview);
    const panel = lead.getByRole("region", { name: "Arbeitsablauf" });
    const step = async (name: string, status: string, confirm?: string) => {
      await panel.getByRole("button", { name }).click();
      if (confirm) await lead.getByRole("alertdialog").getByRole("button", { name: confirm }).click();
      await expect(panel.locator("p", { hasText: "Aktueller Status:" })).toHaveText(`Aktueller Status: ${status}`);
    };
    await step("Konsultation eröffnen", "Konsultation", "Ja, Konsultation eröffnen");
    await step("Konsultation beenden", "Überarbeitung");
    for (const name of [/^Zur Abstimmung stellen/, /^Als abgestimmt markieren/]) {
      for (let remaining = 8; remaining > 0; remaining--) {
        await expect(lead.getByRole("button", { name })).toHaveCount(remaining);
        await lead.getByRole("button", { name }).first().click();
      }
    }

    const diakonie = await pageAs(browser, "diakonie");
    const text = await openLive(diakonie, conceptId, sectionId, "connected");
    const leadEditor = await lead.context().newPage();
    const leadText = await openLive(leadEditor, conceptId, sectionId, "connected");
    await text.click();
    await moveCaret(diakonie, "Control+End");
    await diakonie.keyboard.type(" Die letzten Worte vor der Mitzeichnung.");
    // The server has them once the lead's editor shows them.
    await expect(leadText).toContainText("Die letzten Worte vor der Mitzeichnung.");

    // Typing goes on while the lead starts the Mitzeichnung.
    const typing = diakonie.keyboard.type(" Und weiter", { delay: 40 });
    await panel.getByRole("button", { name: "Mitzeichnung starten" }).click();
    await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Mitzeichnung starten" }).click();
    const clicked = Date.now();
    await expect(connection(diakonie)).toHaveText(/schreibgeschützt/, { timeout: 2000 });
    expect(Date.now() - clicked).toBeLessThan(2000);
    await expect(connection(leadEditor)).toHaveText(/schreibgeschützt/, { timeout: 2000 });
    await typing;
    await expect(text).toHaveAttribute("contenteditable", "false");
    await shot(diakonie, "live-editing-frozen");

    await expect(panel.locator("p", { hasText: "Aktueller Status:" })).toHaveText("Aktueller Status: Mitzeichnung");
    await lead.goto(sectionUrl(conceptId, sectionId));
    await expect(lead.getByRole("article")).toContainText("Die letzten Worte vor der Mitzeichnung.");
  });
});
