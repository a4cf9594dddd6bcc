import { makeSampleDocx } from "../../test/docx-fixture";
import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const SECTION = "Inhaltliche Weiterentwicklung"; // the Diakonie's section; the AWO may only suggest in it
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const word = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Word" });

async function upload(page: import("@playwright/test").Page, lead: string) {
  await page
    .getByLabel("Word-Dokument (.docx, höchstens 10 MB)")
    .setInputFiles({ name: "abschnitt.docx", mimeType: DOCX_TYPE, buffer: await makeSampleDocx(lead) });
  await page.getByRole("button", { name: "Vorschau anzeigen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Vorschau: Was sich ändert" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Bilder: 1" })).toBeVisible();
}

test("the owner takes over a Word document as a revision; a Träger's becomes suggestions", async ({
  page,
  browser,
  request,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const here = `/konzepte/${conceptId}/abschnitte/${sectionIds[SECTION]!}`;

  // The Träger first: their upload is listed as suggestions in their name; the text itself stays.
  const awo = await (await browser.newContext()).newPage();
  await signInAndWait(awo, "awo");
  await awo.goto(here);
  await expect(awo.getByRole("heading", { level: 2, name: "Word" })).toBeVisible();
  await expect(awo.getByText(/als Vorschläge in Ihrem Namen/)).toBeVisible();
  await expectNoAxeViolations(awo, "word upload form (Träger)");
  await upload(awo, "Die Welcome Points beraten");
  await expect(awo.getByText(/(Vorschlag wird|Vorschläge werden) in Ihrem Namen eingetragen/)).toBeVisible();
  await expectNoAxeViolations(awo, "word preview (Träger)");
  await awo.getByRole("button", { name: "Übernehmen" }).click();
  await expect(word(awo).getByRole("status").last()).toHaveText(/(Vorschlag wurde|Vorschläge wurden) eingetragen\./);
  const listed = awo.getByRole("list", { name: "Vorschau: Was sich ändert" });
  await expect(listed.getByRole("listitem").filter({ hasText: "Ziele aus Word" })).toBeVisible();
  await expect(awo.getByRole("article", { name: "Text des Abschnitts" })).not.toContainText("Ziele aus Word");
  await expectNoAxeViolations(awo, "word confirmation (Träger)");
  // After the page refreshed, the section lists them as open suggestions in the Träger's name.
  const inText = awo.getByRole("region", { name: "Vorschläge im Text" });
  await expect(inText.getByRole("listitem").filter({ hasText: "Ziele aus Word" })).toContainText("offen");
  await expect(inText.getByRole("listitem").filter({ hasText: "Ziele aus Word" })).toContainText("Deniz Aydın");
  await awo.context().close();

  // The owner cannot replace the text while those suggestions are open …
  await signInAndWait(page, "diakonie");
  await page.goto(here);
  await expect(page.getByText(/Der Text des Abschnitts wird durch das Word-Dokument ersetzt/)).toBeVisible();
  await page
    .getByLabel("Word-Dokument (.docx, höchstens 10 MB)")
    .setInputFiles({ name: "abschnitt.docx", mimeType: DOCX_TYPE, buffer: await makeSampleDocx("Wir beraten") });
  await page.getByRole("button", { name: "Vorschau anzeigen" }).click();
  await expect(word(page).getByRole("alert")).toContainText("Im Text dieses Abschnitts gibt es offene Vorschläge");

  // … so here on a section without suggestions: preview, cancel (nothing stored), then take it over.
  const lead = await (await browser.newContext()).newPage();
  await signInAndWait(lead, "federfuehrung");
  await lead.goto(`/konzepte/${conceptId}/abschnitte/${sectionIds["Finanzierung"]!}`);
  await upload(lead, "Die Welcome Points beraten");
  await lead.getByRole("button", { name: "Abbrechen" }).click();
  await expect(word(lead).getByRole("status").last()).toHaveText("Abgebrochen – es wurde nichts gespeichert.");
  await upload(lead, "Die Welcome Points beraten");
  await expectNoAxeViolations(lead, "word preview (owner)");
  await lead.getByRole("button", { name: "Übernehmen" }).click();
  await expect(word(lead).getByRole("status").last()).toHaveText(/Übernommen: Version 2 „aus Word übernommen“\./);
  await expect(lead.getByRole("article", { name: "Text des Abschnitts" })).toContainText("Ziele aus Word");
  await expect(
    lead.getByRole("article", { name: "Text des Abschnitts" }).getByRole("link", { name: "der Projektseite" }),
  ).toBeVisible();
  await lead.getByRole("link", { name: "Verlauf" }).click();
  await expect(lead.getByRole("row", { name: /^2/ })).toContainText("aus Word übernommen");
});
