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

const AWO_SECTION = "Verstetigung in der Gemeinwesenarbeit";
const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function pageAs(browser: Browser, user: DemoUser) {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, user);
  return page;
}

test("accepting a proposal over someone else's later change shows that change and asks; the server refuses otherwise", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[AWO_SECTION]!;
  const api = `/api/concepts/${conceptId}/sections/${sectionId}`;
  const headers = { origin: baseURL! };
  const sectionUrl = `/konzepte/${conceptId}/abschnitte/${sectionId}`;

  // Diakonie proposes on version 1; then the AWO changes the section itself.
  const diakonie = await pageAs(browser, "diakonie");
  const proposed = await diakonie.request.post(`${api}/proposals`, {
    headers,
    data: {
      baseVersion: 1,
      content: paragraph("Die Welcome Points werden Teil der Stadtteilarbeit."),
      reason: "Kürzer.",
    },
  });
  expect(proposed.status()).toBe(201);
  const { proposalId } = (await proposed.json()) as { proposalId: string };
  const awo = await pageAs(browser, "awo");
  const save = (baseVersion: number, text: string) =>
    awo.request.post(`${api}/revisions`, { headers, data: { baseVersion, content: paragraph(text) } });
  expect((await save(1, "Die AWO verstetigt die Welcome Points ab 2023.")).status()).toBe(201);

  const lead = await pageAs(browser, "federfuehrung");
  // The server refuses an accept that does not confirm the AWO's change.
  const blind = await lead.request.post(`${api}/proposals/${proposalId}/accept`, {
    headers,
    data: { baseVersion: 2, content: paragraph("Die Welcome Points werden Teil der Stadtteilarbeit.") },
  });
  expect(blind.status()).toBe(409);
  expect(((await blind.json()) as { message: string }).message).toContain(
    "Seit dem Vorschlag hat Deniz Aydın den Abschnitt geändert.",
  );

  await lead.goto(`${sectionUrl}/vorschlaege/${proposalId}`);
  await expect(lead.getByRole("textbox", { name: `Abgeglichener Text für „${AWO_SECTION}“` })).toBeVisible();
  const trigger = lead.getByRole("button", { name: "Abgeglichenen Text übernehmen" });
  await trigger.click();
  const dialog = lead.getByRole("alertdialog", { name: "Änderungen anderer ersetzen?" });
  await expect(dialog).toContainText(
    "Seit dem Vorschlag (bezogen auf Version 1) hat Deniz Aydın den Abschnitt geändert.",
  );
  await expect(dialog).toContainText("als neue Version 3 gespeichert");
  const change = dialog.getByRole("group", { name: /^Version 2 von Deniz Aydın/ });
  await expect(change.getByRole("insertion")).toContainText("verstetigt die Welcome Points ab 2023");
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeFocused();
  await expectNoAxeViolations(lead, "overwrite confirmation");
  await shootDialog(lead, "confirm-overwrite");

  // Cancelling changes nothing.
  await lead.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await lead.goto(`${sectionUrl}/verlauf`);
  await expect(lead.getByRole("table", { name: /^Versionen von/ }).getByRole("row")).toHaveCount(3);
  await lead.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(lead.getByRole("heading", { level: 1 })).toBeVisible();
  const accepted = lead.getByText(/hat einen Änderungsvorschlag zu „.+“ übernommen/);
  await expect(accepted).toHaveCount(0);
  await lead.goto(`${sectionUrl}/vorschlaege/${proposalId}`);
  await expect(lead.getByText("offen", { exact: true })).toBeVisible();

  // The section moves on while the dialog is open: refused in German, the dialog shows the new state.
  await trigger.click();
  await expect(dialog).toBeVisible();
  expect((await save(2, "Die AWO verstetigt die Welcome Points ab 2024.")).status()).toBe(201);
  await dialog.getByRole("button", { name: "Ja, Text übernehmen" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "Der Abschnitt wurde erneut geändert, nachdem Sie die Änderungen bestätigt hatten (jetzt Version 3).",
  );
  await expect(dialog.getByRole("group", { name: /^Version 3 von Deniz Aydın/ })).toBeVisible();
  await expect(dialog).toContainText("als neue Version 4 gespeichert");

  // Confirmed against the current state: accepted.
  await dialog.getByRole("button", { name: "Ja, Text übernehmen" }).click();
  await expect(lead.getByText(/^Abwägung: (teilweise )?übernommen/)).toBeVisible();
  await lead.goto(sectionUrl);
  await expect(lead.locator("[data-section-text]")).toHaveText("Die Welcome Points werden Teil der Stadtteilarbeit.");
  await lead.goto(`/konzepte/${conceptId}/protokoll`);
  await expect(accepted).toHaveCount(1);
});
