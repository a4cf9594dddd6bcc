import type { Page } from "@playwright/test";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const AWO_SECTION = "Verstetigung in der Gemeinwesenarbeit";
/** Seeded on that one section: „Hinweis 1“ … „Hinweis 45“, oldest first, Diakonie (odd numbers) and AWO in turn. */
const THREADS = 45;

const pagesAbove = (page: Page) => page.getByRole("navigation", { name: "Seiten der Diskussion", exact: true });
const pagesBelow = (page: Page) =>
  page.getByRole("navigation", { name: "Seiten der Diskussion (Ende der Liste)", exact: true });
const threads = (page: Page) => page.locator("li[id^=thread-]");
const thread = (page: Page, text: string) => threads(page).filter({ has: page.getByText(text, { exact: true }) });

test.describe("a long discussion beside a section", () => {
  test("comes in pages of 20 that keep the filter; a thread link and a stale page land where they should", async ({
    page,
    request,
  }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request, undefined, {
      threads: THREADS,
      threadsOn: AWO_SECTION,
    });
    const section = `/konzepte/${conceptId}/abschnitte/${sectionIds[AWO_SECTION]}`;
    await signInAndWait(page, "awo");
    await page.goto(section);
    await expect(page.getByRole("heading", { level: 2, name: `Kommentare (${THREADS} offen)` })).toBeVisible();
    await expect(pagesAbove(page).getByText("Seite 1 von 3")).toBeVisible();
    await expect(pagesBelow(page).getByRole("link", { name: "Seite 1", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByText("Kommentare 1–20 von 45 in dieser Ansicht")).toBeVisible();
    await expect(threads(page)).toHaveCount(20);
    await expect(thread(page, "Hinweis 1")).toBeVisible();
    await expect(thread(page, "Hinweis 21")).toHaveCount(0);

    await pagesBelow(page)
      .getByRole("link", { name: /Weiter/ })
      .click();
    await expect(pagesAbove(page).getByText("Seite 2 von 3")).toBeVisible();
    expect(new URL(page.url()).search).toBe("?seite=2");
    expect(new URL(page.url()).hash).toBe("#diskussion");
    await expect(threads(page)).toHaveCount(20);
    await expect(thread(page, "Hinweis 21")).toBeVisible();
    await expect(thread(page, "Hinweis 1")).toHaveCount(0);
    // The heading still counts every thread of the section.
    await expect(page.getByRole("heading", { level: 2, name: `Kommentare (${THREADS} offen)` })).toBeVisible();
    await expectNoAxeViolations(page, "discussion, page 2");
    const linkedId = (await thread(page, "Hinweis 30").getAttribute("id"))!.replace("thread-", "");

    // A filter starts on its page 1; its page links keep it.
    await page
      .getByRole("navigation", { name: "Kommentare filtern" })
      .getByRole("link", { name: "Diakonie Düsseldorf" })
      .click();
    await expect(pagesAbove(page).getByText("Seite 1 von 2")).toBeVisible();
    await pagesAbove(page).getByRole("link", { name: "Seite 2", exact: true }).click();
    await expect(pagesBelow(page).getByText("Seite 2 von 2")).toBeVisible();
    expect(page.url()).toMatch(/\?filter=org%3A[0-9a-f-]{36}&seite=2#diskussion$/);
    await expect(page.getByRole("link", { name: "Diakonie Düsseldorf" })).toHaveAttribute("aria-current", "page");
    await expect(threads(page)).toHaveCount(3);
    for (const n of [41, 43, 45]) await expect(thread(page, `Hinweis ${n}`)).toBeVisible();
    await expect(threads(page).getByRole("heading", { name: "Kommentar von Deniz Aydın" })).toHaveCount(0);
    await expect(threads(page).getByRole("heading", { name: "Kommentar von Miriam Schulte" })).toHaveCount(3);
    await expectNoAxeViolations(page, "discussion, filtered page 2");

    // A link to a thread opens the page that holds it and scrolls to it; the page links drop the thread again.
    await page.goto(`${section}?thread=${linkedId}#thread-${linkedId}`);
    await expect(pagesAbove(page).getByText("Seite 2 von 3")).toBeVisible();
    await expect(page.locator(`#thread-${linkedId}`)).toBeInViewport();
    await expect(pagesAbove(page).getByRole("link", { name: "Seite 3", exact: true })).toHaveAttribute(
      "href",
      `${section}?seite=3#diskussion`,
    );
    await expect(pagesAbove(page).getByRole("link", { name: "Seite 1", exact: true })).toHaveAttribute(
      "href",
      `${section}#diskussion`,
    );
    // An older link with the fragment only (e-mails sent before the paging) finds its page too.
    await page.goto(`${section}#thread-${linkedId}`);
    await expect(pagesAbove(page).getByText("Seite 2 von 3")).toBeVisible();
    expect(new URL(page.url()).search).toBe(`?thread=${linkedId}`);
    await expect(page.locator(`#thread-${linkedId}`)).toBeInViewport();
    // Unknown threads and stale pages never fail.
    await page.goto(`${section}?thread=00000000-0000-4000-8000-000000000000`);
    await expect(pagesAbove(page).getByText("Seite 1 von 3")).toBeVisible();
    const stale = await page.goto(`${section}?seite=99`);
    expect(stale?.status()).toBe(200);
    await expect(pagesAbove(page).getByText("Seite 3 von 3")).toBeVisible();
    await expect(threads(page)).toHaveCount(5);
  });

  test("a new thread opens the last page with the confirmation; the owner's notification leads there too", async ({
    browser,
    request,
  }) => {
    const { conceptId, sectionIds } = await createFreshConcept(request, undefined, {
      threads: THREADS,
      threadsOn: AWO_SECTION,
    });
    const section = `/konzepte/${conceptId}/abschnitte/${sectionIds[AWO_SECTION]}`;
    const diakonieContext = await browser.newContext();
    const diakonie = await diakonieContext.newPage();
    await signInAndWait(diakonie, "diakonie");
    await diakonie.goto(section);
    await expect(pagesAbove(diakonie).getByText("Seite 1 von 3")).toBeVisible();
    await diakonie.getByLabel("Kommentar", { exact: true }).fill("Ein neuer Hinweis ganz am Ende.");
    await diakonie.getByRole("button", { name: "Kommentieren" }).click();
    await expect(diakonie.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
    await expect(pagesAbove(diakonie).getByText("Seite 3 von 3")).toBeVisible();
    const created = thread(diakonie, "Ein neuer Hinweis ganz am Ende.");
    await expect(created).toBeInViewport();
    const createdId = (await created.getAttribute("id"))!.replace("thread-", "");
    expect(new URL(diakonie.url()).search).toBe(`?thread=${createdId}`);
    await expect(diakonie.getByLabel("Kommentar", { exact: true })).toHaveValue("");
    await expect(diakonie.getByRole("heading", { level: 2, name: `Kommentare (${THREADS + 1} offen)` })).toBeVisible();
    await expectNoAxeViolations(diakonie, "discussion after a new thread");

    const awoContext = await browser.newContext();
    const awo = await awoContext.newPage();
    await signInAndWait(awo, "awo");
    await awo.goto("/benachrichtigungen");
    // Other specs comment on this section of their own concepts: the link to this very thread.
    await awo
      .getByRole("link", { name: `Neuer Kommentar zu „${AWO_SECTION}“` })
      .and(awo.locator(`[href*="thread=${createdId}"]`))
      .click();
    await expect(pagesAbove(awo).getByText("Seite 3 von 3")).toBeVisible();
    await expect(awo.locator(`#thread-${createdId}`)).toBeInViewport();
    await diakonieContext.close();
    await awoContext.close();
  });
});
