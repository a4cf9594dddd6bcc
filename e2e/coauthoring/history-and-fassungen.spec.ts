import { createFreshConcept, expect, signInAndWait, test } from "../support/fixtures";
import { axe, openEditor, postRevision, SECTION, sectionUrl, shot } from "./helpers";

test("the history lists every save; the word diff shows the change; an old version can be restored", async ({
  page,
  request,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.finanzierung]!;
  const text = await openEditor(page, "federfuehrung", conceptId, sectionId);
  await text.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Die Finanzierung wird mit der Kämmerei abgestimmt: rund zwei Millionen Euro jährlich.");
  await page.getByLabel("Notiz zur Version (optional)").fill("Zahlen ergänzt");
  await page.getByRole("button", { name: "Version festhalten" }).click();
  await expect(page.getByText("Version 2 festgehalten.")).toBeVisible();

  await page.goto(sectionUrl(conceptId, sectionId));
  await page.getByRole("link", { name: "Verlauf" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verlauf: 7. Finanzierung" })).toBeVisible();
  const table = page.getByRole("table", { name: "Versionen von 7. Finanzierung, neueste zuerst" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /^2/ })).toContainText("Lena Hoffmann");
  await expect(table.getByRole("row", { name: /^2/ })).toContainText("Amt für Migration und Integration");
  await expect(table.getByRole("row", { name: /^2/ })).toContainText("Zahlen ergänzt");
  await axe(page, "history");

  await table.getByRole("link", { name: "Änderungen in Version 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vergleich: Version 1 → Version 2" })).toBeVisible();
  const diff = page.getByRole("group", { name: "Änderungen von Version 1 zu Version 2" });
  await expect(diff.getByRole("insertion")).toHaveText(
    "Eingefügt: : rund zwei Millionen Euro jährlich. (Ende der Einfügung)",
  );
  await expect(diff.getByRole("deletion").last()).toHaveText(
    "Gelöscht: . (Entwurf, Zahlen folgen.) (Ende der Löschung)",
  );
  await axe(page, "revision diff");
  await shot(page, "diff");

  await page.getByRole("link", { name: "Version 1 lesen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Inhalt von Version 1" })).toContainText(
    "Die Finanzierung der verstetigten Angebote",
  );
  await axe(page, "revision");
  await page.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Ja, Version 1 wiederherstellen" }).click();
  await expect(page.getByText("Version 1 wurde als neue Version 3 wiederhergestellt.")).toBeVisible();
  await page.goto(`${sectionUrl(conceptId, sectionId)}/verlauf`);
  await expect(page.getByRole("row", { name: /^3/ })).toContainText("Wiederhergestellt aus Nr. 1");
  await page.goto(sectionUrl(conceptId, sectionId));
  await expect(page.getByRole("article")).toContainText("Die Finanzierung der verstetigten Angebote");
});

test("the lead freezes a Fassung, changes the outline and text, and compares the Fassung with the current state", async ({
  page,
  request,
  baseURL,
}) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  await signInAndWait(page, "federfuehrung");
  await page.goto(`/konzepte/${conceptId}`);
  await page
    .getByRole("navigation", { name: "Bereiche des Konzepts" })
    .getByRole("link", { name: "Fassungen" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Fassungen" })).toBeVisible();
  await page.getByLabel("Name der Fassung").fill("Konsultationsfassung 1");
  await page.getByRole("button", { name: "Fassung einfrieren" }).click();
  await expect(page.getByText("Fassung „Konsultationsfassung 1“ mit 8 Abschnitten eingefroren.")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Fassungen des Konzepts, neueste zuerst" }).getByRole("row"),
  ).toHaveCount(2);
  await page.getByLabel("Name der Fassung").fill("Konsultationsfassung 1");
  await page.getByRole("button", { name: "Fassung einfrieren" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Eine Fassung mit diesem Namen gibt es schon." }),
  ).toBeVisible();
  await expect(page.getByLabel("Name der Fassung")).toHaveAttribute("aria-invalid", "true");
  await axe(page, "Fassungen list");

  await page.getByRole("link", { name: "Konsultationsfassung 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Konsultationsfassung 1" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "7. Finanzierung" })).toBeVisible();
  await axe(page, "Fassung document");

  // Change things: rename, move (keyboard), edit text.
  await page.goto(`/konzepte/${conceptId}/gliederung`);
  await page.getByText("Einstellungen für „Finanzierung“").click();
  const settings = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "7. Finanzierung" }) });
  await settings.getByLabel("Titel").fill("Finanzierung und Förderung");
  await settings.getByRole("button", { name: "Umbenennen" }).click();
  await expect(page.getByText("Umbenannt in „Finanzierung und Förderung“.")).toBeVisible();
  const up = page.getByRole("button", { name: `Nach oben verschieben: ${SECTION.zeitplan}` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(`„${SECTION.zeitplan}“ steht jetzt an Stelle 7 von 8.`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Nach oben verschieben: ${SECTION.zeitplan}` })).toBeFocused();
  await expect(page.getByRole("heading", { level: 3, name: `7. ${SECTION.zeitplan}` })).toBeVisible();
  await axe(page, "outline");
  const saved = await postRevision(page.request, baseURL!, conceptId, sectionIds[SECTION.diakonie]!, {
    baseVersion: 1,
    content: {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "Die Welcome Points werden offene Begegnungsorte im Stadtteil." }],
        },
      ],
    },
  });
  expect(saved.status()).toBe(201);

  await page.goto(`/konzepte/${conceptId}/fassungen`);
  await page.getByRole("link", { name: "Konsultationsfassung 1 mit aktuellem Stand vergleichen" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Vergleich: Konsultationsfassung 1 → Aktueller Stand" }),
  ).toBeVisible();
  const summary = page.getByRole("region", { name: "Zusammenfassung" });
  await expect(summary).toContainText("1 Abschnitt umbenannt");
  await expect(summary).toContainText("1 Abschnitt verschoben");
  await expect(summary).toContainText("1 Abschnitt mit Textänderungen");
  await expect(summary).toContainText("6 Abschnitte unverändert");
  const renamed = page.getByRole("region", { name: "8. Finanzierung und Förderung" });
  await expect(renamed).toContainText("Titel: „Finanzierung“ → „Finanzierung und Förderung“");
  await expect(renamed).toContainText("Position: Nr. 7 → Nr. 8");
  const changed = page.getByRole("region", { name: `3. ${SECTION.diakonie}` });
  await expect(changed.getByRole("insertion").first()).toBeVisible();
  await expect(changed.getByRole("deletion").first()).toBeVisible();
  await axe(page, "Fassung comparison");
  await shot(page, "fassung-compare");

  // The Fassung itself did not move.
  await page.goto(`/konzepte/${conceptId}/fassungen`);
  await page.getByRole("link", { name: "Konsultationsfassung 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "7. Finanzierung" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `8. ${SECTION.zeitplan}` })).toBeVisible();
  await expect(page.getByRole("article", { name: "Konsultationsfassung 1" })).toContainText(
    "Entwurf der Träger (illustrativ)",
  );
});
