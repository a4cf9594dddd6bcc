import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

const AWO_SECTION = "Verstetigung in der Gemeinwesenarbeit";

test("a Träger proposes new text; the owning organisation accepts it and the revision credits the proposer", async ({
  browser,
  request,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionUrl = `/konzepte/${conceptId}/abschnitte/${sectionIds[AWO_SECTION]}`;

  const diakonieContext = await browser.newContext();
  const diakonie = await diakonieContext.newPage();
  await signInAndWait(diakonie, "diakonie");
  await diakonie.goto(sectionUrl);
  await diakonie.getByRole("link", { name: "Neufassung vorschlagen" }).click();
  const editor = diakonie.getByRole("textbox", { name: `Vorgeschlagener Text für „${AWO_SECTION}“` });
  await expect(editor).toBeVisible();
  await expectNoAxeViolations(diakonie, "proposal editor");
  await editor.click();
  await diakonie.keyboard.press("ControlOrMeta+a");
  await diakonie.keyboard.type("Die Welcome Points werden Teil der Stadtteilarbeit.");
  await diakonie.getByRole("button", { name: "Vorschlag einreichen" }).click();
  await expect(diakonie.getByRole("alert").filter({ hasText: "Bitte begründen Sie Ihren Vorschlag." })).toBeVisible();
  await expect(editor).toHaveText("Die Welcome Points werden Teil der Stadtteilarbeit.");
  await diakonie.getByLabel("Begründung").fill("Kürzer und verständlicher.");
  await diakonie.getByRole("button", { name: "Vorschlag einreichen" }).click();
  await expect(
    diakonie.getByRole("heading", { level: 1, name: `Änderungsvorschlag zu „${AWO_SECTION}“` }),
  ).toBeVisible();
  await expect(diakonie.getByRole("group", { name: /Vorgeschlagene Änderungen/ }).locator("ins")).toContainText(
    "Stadtteilarbeit",
  );
  await expect(diakonie.getByRole("button", { name: "Vorschlag übernehmen" })).toHaveCount(0);
  await expectNoAxeViolations(diakonie, "proposal page (proposer)");

  const awoContext = await browser.newContext();
  const awo = await awoContext.newPage();
  await signInAndWait(awo, "awo");
  await awo.goto(sectionUrl);
  await awo.getByRole("link", { name: /Miriam Schulte \(Diakonie Düsseldorf\): Kürzer und verständlicher/ }).click();
  await expectNoAxeViolations(awo, "proposal page (owner)");
  await awo.getByRole("button", { name: "Vorschlag übernehmen" }).click();
  await expect(awo.getByText("Abwägung: übernommen")).toBeVisible();
  await awo.goto(`${sectionUrl}/verlauf`);
  await expect(awo.getByText("Vorschlag von Miriam Schulte")).toBeVisible();
  await awo.goto(sectionUrl);
  await expect(awo.locator("[data-section-text]")).toHaveText("Die Welcome Points werden Teil der Stadtteilarbeit.");

  await diakonie.goto("/benachrichtigungen");
  // This concept's notification (earlier runs against the same database leave theirs in the inbox too).
  await expect(
    diakonie
      .getByRole("link", { name: /Ihr Änderungsvorschlag zu „Verstetigung in der Gemeinwesenarbeit“ wurde übernommen/ })
      .and(diakonie.locator(`[href*="${conceptId}"]`)),
  ).toBeVisible();
  await diakonieContext.close();
  await awoContext.close();
});
