import { createFreshConcept, expect, test } from "../support/fixtures";
import { axe, moveCaret, openEditor, SECTION, sectionUrl, shot } from "./helpers";

test("two people edit the same section: the second gets the conflict view with their text intact and merges", async ({
  browser,
  request,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.awo]!;
  const leadContext = await browser.newContext();
  const awoContext = await browser.newContext();
  const lead = await leadContext.newPage();
  const awo = await awoContext.newPage();

  const leadText = await openEditor(lead, "federfuehrung", conceptId, sectionId);
  const awoText = await openEditor(awo, "awo", conceptId, sectionId);

  // Presence: each sees the other within one heartbeat.
  await expect(
    awo.getByText(/Ebenfalls zum Bearbeiten geöffnet von: Lena Hoffmann \(Amt für Migration und Integration\)/),
  ).toBeVisible({ timeout: 15_000 });
  await expect(lead.getByText(/Ebenfalls zum Bearbeiten geöffnet von: Deniz Aydın \(AWO Düsseldorf\)/)).toBeVisible({
    timeout: 15_000,
  });

  // The lead appends to the last paragraph and saves first.
  await leadText.click();
  await moveCaret(lead, "Control+End");
  await lead.keyboard.type(" Die Federführung ergänzt: Start im Herbst.");
  await lead.getByRole("button", { name: "Speichern", exact: true }).click();
  await expect(lead.getByText("Gespeichert als Version 2.")).toBeVisible();

  // AWO, still on version 1, changes the first paragraph and saves: refused, nothing lost.
  await awoText.click();
  await moveCaret(awo, "Control+Home");
  await awo.keyboard.type("Vorschlag der AWO: ");
  await awo.getByRole("button", { name: "Speichern", exact: true }).click();
  const panel = awo.getByRole("region", { name: "Gleichzeitige Änderung: Es wurde nichts überschrieben" });
  await expect(panel).toBeVisible();
  await expect(
    awo.getByRole("alert").filter({ hasText: "Jemand anderes hat diesen Abschnitt gespeichert" }),
  ).toContainText("Ihr Text ist noch im Editor.");
  await expect(panel).toContainText("Version 2: Lena Hoffmann (Amt für Migration und Integration)");
  await expect(awoText).toContainText("Vorschlag der AWO: Ziel ist");
  await expect(awoText).not.toContainText("Start im Herbst");
  const theirs = panel.getByRole("group", { name: "Änderungen der anderen (Version 1 → 2)" });
  await expect(theirs.getByRole("insertion")).toHaveText(
    "Eingefügt: Die Federführung ergänzt: Start im Herbst. (Ende der Einfügung)",
  );
  await expect(
    awo.getByRole("heading", { name: "Gleichzeitige Änderung: Es wurde nichts überschrieben" }),
  ).toBeFocused();
  await axe(awo, "conflict view");
  await shot(awo, "conflict");

  // Merge: both changes in the editor, then save against the new base.
  await panel.getByRole("button", { name: "Änderungen zusammenführen" }).click();
  await expect(
    panel.getByText("Zusammengeführt: Ihre und die anderen Änderungen stehen jetzt im Editor.", { exact: false }),
  ).toBeVisible();
  await expect(awoText).toContainText("Vorschlag der AWO: Ziel ist");
  await expect(awoText).toContainText("Die Federführung ergänzt: Start im Herbst.");
  await awo.getByRole("button", { name: "Zusammengeführt speichern" }).click();
  await expect(awo.getByText("Gespeichert als Version 3.")).toBeVisible();
  await expect(panel).toBeHidden();

  await awo.goto(sectionUrl(conceptId, sectionId));
  await expect(awo.getByRole("article")).toContainText("Vorschlag der AWO: Ziel ist");
  await expect(awo.getByRole("article")).toContainText("Die Federführung ergänzt: Start im Herbst.");

  // Leaving the editor removes one from the others' presence at once.
  await expect(lead.getByText("Niemand sonst hat diesen Abschnitt gerade zum Bearbeiten geöffnet.")).toBeVisible({
    timeout: 15_000,
  });
  await leadContext.close();
  await awoContext.close();
});

test("when both changed the same paragraph, the conflict view asks for a manual merge and keeps the user's text", async ({
  browser,
  request,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.finanzierung]!;
  // The same person in two browsers (say, office and home): the second tab must not overwrite the first.
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [first, again] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  const firstText = await openEditor(first, "federfuehrung", conceptId, sectionId);
  const againText = await openEditor(again, "federfuehrung", conceptId, sectionId);
  await firstText.click();
  await moveCaret(first, "Control+End");
  await first.keyboard.type(" Erste Ergänzung.");
  await first.keyboard.press("Control+s");
  await expect(first.getByText("Gespeichert als Version 2.")).toBeVisible();
  await againText.click();
  await moveCaret(again, "Control+End");
  await again.keyboard.type(" Zweite Ergänzung.");
  await again.keyboard.press("Control+s");
  const panel = again.getByRole("region", { name: "Gleichzeitige Änderung: Es wurde nichts überschrieben" });
  await expect(panel).toContainText("An einer Stelle haben Sie und andere denselben Absatz geändert.");
  await expect(panel.getByRole("button", { name: "Änderungen zusammenführen" })).toHaveCount(0);
  await expect(againText).toContainText("Zweite Ergänzung.");
  // Manual merge: carry the other change over by hand, then save against the new base.
  await againText.click();
  await moveCaret(again, "Control+End");
  await again.keyboard.type(" Erste Ergänzung.");
  await again.getByRole("button", { name: "Zusammengeführt speichern" }).click();
  await expect(again.getByText("Gespeichert als Version 3.")).toBeVisible();
  for (const context of contexts) await context.close();
});
