import type { Browser } from "@playwright/test";
import {
  createFreshConcept,
  expect,
  expectNoAxeViolations,
  signInAndWait,
  test,
  type DemoUser,
} from "../support/fixtures";
import { shootDialog } from "../support/dialog-shots";
import { postRevision, SECTION, sectionUrl } from "./helpers";

async function pageAs(browser: Browser, user: DemoUser) {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, user);
  return page;
}

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

test("restoring a version asks first, names whose later changes are taken back, and cancelling stores nothing", async ({
  browser,
  request,
  baseURL,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.finanzierung]!;
  const history = `${sectionUrl(conceptId, sectionId)}/verlauf`;
  // Someone else changes the section after version 1.
  const jugendamt = await pageAs(browser, "jugendamt");
  const saved = await postRevision(jugendamt.request, baseURL!, conceptId, sectionId, {
    baseVersion: 1,
    content: paragraph("Die Finanzierung klärt das Jugendamt bis Mai."),
  });
  expect(saved.status()).toBe(201);

  const lead = await pageAs(browser, "federfuehrung");
  const protocolSentence = lead.getByText(/hat in „Finanzierung“ Version 1 wiederhergestellt/);
  await lead.goto(`${history}/1`);
  const trigger = lead.getByRole("button", { name: "Version 1 wiederherstellen" });
  await trigger.click();
  const dialog = lead.getByRole("alertdialog", { name: "Version 1 wiederherstellen?" });
  await expect(dialog).toContainText("Der Text von „7. Finanzierung“ wird durch den Text von Version 1 ersetzt");
  await expect(dialog).toContainText("als neue Version 3 gespeichert");
  await expect(dialog).toContainText("sieht den neuen Text sofort");
  await expect(dialog).toContainText(
    "Damit nehmen Sie die Änderungen von Jonas Weber aus der späteren Version zurück.",
  );
  // Focus starts inside the dialog.
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeFocused();
  await expectNoAxeViolations(lead, "restore confirmation");
  await shootDialog(lead, "confirm-restore");

  // Escape cancels: focus returns to the button, nothing is stored.
  await lead.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await trigger.click();
  await dialog.getByRole("button", { name: "Abbrechen" }).click();
  await expect(dialog).toHaveCount(0);
  await lead.goto(history);
  const table = lead.getByRole("table", { name: /^Versionen von 7. Finanzierung/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  await lead.goto(sectionUrl(conceptId, sectionId));
  await expect(lead.locator("[data-section-text]")).toHaveText("Die Finanzierung klärt das Jugendamt bis Mai.");
  await lead.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(lead.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(protocolSentence).toHaveCount(0);

  // Confirmed: the new version exists and the trail records it.
  await lead.goto(`${history}/1`);
  await trigger.click();
  await dialog.getByRole("button", { name: "Ja, Version 1 wiederherstellen" }).click();
  await expect(lead.getByText("Version 1 wurde als neue Version 3 wiederhergestellt.")).toBeVisible();
  await lead.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(protocolSentence).toHaveCount(1);
});

test("restoring over one's own later changes says so", async ({ page, request, baseURL }) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.finanzierung]!;
  await signInAndWait(page, "federfuehrung");
  const saved = await postRevision(page.request, baseURL!, conceptId, sectionId, {
    baseVersion: 1,
    content: paragraph("Eigene Änderung."),
  });
  expect(saved.status()).toBe(201);
  await page.goto(`${sectionUrl(conceptId, sectionId)}/verlauf/1`);
  await page.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
  await expect(page.getByRole("alertdialog", { name: "Version 1 wiederherstellen?" })).toContainText(
    "Damit nehmen Sie Ihre eigenen Änderungen aus der späteren Version zurück.",
  );
});
