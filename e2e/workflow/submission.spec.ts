import { createFreshConcept, expect, expectNoAxeViolations, signInAndWait, test } from "../support/fixtures";

test.describe("submission to the committees and the reading room", () => {
  test("the lead submits the Vorlage; a committee member reads, downloads and asks; the lead answers and records the outcomes", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const title = `Einreichung ${Math.random().toString(36).slice(2, 8)}`;
    const { conceptId, sectionIds } = await createFreshConcept(request, title);
    const released = await request.post("/api/test-support/concepts/released", { data: { conceptId } });
    expect(released.ok()).toBe(true);
    const reference = `AGS/${Math.floor(Math.random() * 900 + 100)}/${Date.now() % 100000}`;

    const leadContext = await browser.newContext();
    const lead = await leadContext.newPage();
    await signInAndWait(lead, "federfuehrung");
    await lead.goto(`/konzepte/${conceptId}/vorlage`);
    await expect(lead.getByRole("heading", { level: 1, name: "Vorlage" })).toBeVisible();
    await expectNoAxeViolations(lead, "Vorlage form");
    await lead.getByLabel("Beschlussvorlage").check();
    await lead.getByLabel("Vorlagennummer").fill("");
    await lead.getByLabel("Datum der Vorlage").fill("2022-05-17");
    await expect(lead.getByLabel("Rolle IR")).toHaveValue("vorberatung");
    await expect(lead.getByLabel("Rolle JHA")).toHaveValue("vorberatung");
    await expect(lead.getByLabel("Rolle AGS")).toHaveValue("entscheidung");
    await lead.getByLabel("Vorlagenfrist AGS").fill("2022-06-09");
    await lead.getByRole("button", { name: "Speichern AGS" }).click();
    await expect(lead.getByText("Die Beratungsfolge ist gespeichert.")).toBeVisible();
    await lead.getByLabel("Vorlagennummer").fill(reference);
    // The paper's own parts: proposed from the released Fassung, edited by the lead; a Beschlussvorlage needs a
    // Beschlussvorschlag (refused in German, nothing submitted, the other fields kept).
    await expect(lead.getByLabel("Beschlussvorschlag", { exact: true })).toHaveValue(
      /^Das Konzept „.+“ wird in der Fassung/,
    );
    await lead.getByLabel("Beschlussvorschlag", { exact: true }).fill(" ");
    await lead
      .getByLabel("Finanzielle Auswirkungen", { exact: true })
      .fill("Keine zusätzlichen Kosten im Haushaltsjahr 2022.");
    await lead
      .getByLabel("Begründung", { exact: true })
      .fill("Der Rat hat die Verwaltung am 16.12.2021 beauftragt.\n\nDie Evaluation liegt vor.");
    await lead.getByRole("button", { name: "Vorlage einreichen" }).click();
    await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Vorlage einreichen" }).click();
    await expect(lead.getByText("Eine Beschlussvorlage braucht einen Beschlussvorschlag").first()).toBeVisible();
    await expect(lead.getByLabel("Finanzielle Auswirkungen", { exact: true })).toHaveValue(
      "Keine zusätzlichen Kosten im Haushaltsjahr 2022.",
    );
    await lead.getByLabel("Beschlussvorschlag", { exact: true }).fill("Der Ausschuss beschließt das Konzept.");
    await lead.getByRole("button", { name: "Vorlage einreichen" }).click();
    await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Vorlage einreichen" }).click();
    await expect(lead.getByRole("heading", { level: 2, name: `Vorlage ${reference}` })).toBeVisible({
      timeout: 30_000,
    });
    await expect(lead.getByRole("heading", { level: 3, name: "Beschlussvorschlag" })).toBeVisible();
    await expect(lead.getByText("Der Ausschuss beschließt das Konzept.")).toBeVisible();
    await expect(lead.getByText("Keine zusätzlichen Kosten im Haushaltsjahr 2022.")).toBeVisible();
    await expect(lead.getByTestId("vorlage-sha512")).toHaveText(/^[0-9a-f]{128}$/);
    // Submitted: the Beratungsfolge is on record, no longer editable.
    await expect(lead.getByRole("button", { name: /^Entfernen/ })).toHaveCount(0);
    await expect(lead.getByText("Vorlagenfrist 09.06.2022")).toBeVisible();
    await expectNoAxeViolations(lead, "Vorlage submitted");

    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await signInAndWait(member, "ausschuss");
    const link = member.getByRole("link", { name: title });
    await expect(link).toHaveAttribute("href", `/konzepte/${conceptId}/lesesaal`);
    await link.click();
    await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(member.getByRole("heading", { level: 2, name: "1. Ausgangslage und Auftrag" })).toBeVisible();
    // The committees read the paper's own parts first.
    await expect(member.getByRole("heading", { level: 3, name: "Beschlussvorschlag" })).toBeVisible();
    await expect(member.getByText("Der Ausschuss beschließt das Konzept.")).toBeVisible();
    await expect(member.getByRole("heading", { level: 3, name: "Finanzielle Auswirkungen" })).toBeVisible();
    await expectNoAxeViolations(member, "reading room");
    const pdfHref = await member.getByRole("link", { name: /PDF der Vorlage herunterladen/ }).getAttribute("href");
    const pdf = await member.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toContain("attachment");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expect(member.getByTestId("synopse-snapshot")).toContainText("Stand bei Einreichung der Vorlage");
    const csvHref = await member.getByRole("link", { name: "Als CSV herunterladen" }).getAttribute("href");
    const csv = await member.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-disposition"]).toContain(`Synopse-${reference.replace(/\//g, "-")}.csv`);

    // A Rückfrage that points at a passage: the member marks words in section 1 and takes them over.
    const words = await member
      .locator("[data-section-id] .rich-text")
      .first()
      .evaluate((root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const match = /^\s*(\S+\s+\S+\s+\S+\s+\S+)/.exec(node.textContent ?? "");
          if (!match) continue;
          const start = (node.textContent ?? "").indexOf(match[1]!);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + match[1]!.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          return match[1]!;
        }
        throw new Error("no text to mark in section 1");
      });
    await member.getByRole("button", { name: "Markierte Stelle übernehmen" }).click();
    await expect(member.getByText("Die markierte Stelle ist übernommen.")).toBeVisible();
    await expect(member.getByLabel("Stelle im Text (optional)")).toHaveValue(words);
    await expect(member.getByLabel("Abschnitt (optional)")).not.toHaveValue("");
    // Words that are not in that section are refused with the reason; nothing is sent.
    await member.getByLabel("Stelle im Text (optional)").fill("Dieser Satz steht nirgends im Abschnitt.");
    await member.getByLabel("Ihre Rückfrage").fill("Wie viele Standorte sind im ersten Jahr geplant?");
    await member.getByRole("button", { name: "Rückfrage senden" }).click();
    await expect(member.getByText("Die markierte Stelle steht nicht in diesem Abschnitt").first()).toBeVisible();
    await member.getByLabel("Stelle im Text (optional)").fill(words);
    await member.getByRole("button", { name: "Rückfrage senden" }).click();
    await expect(member.getByText("Ihre Rückfrage ist gesendet.")).toBeVisible();
    await expect(member.getByText("Wie viele Standorte sind im ersten Jahr geplant?")).toBeVisible();
    const asked = member.locator("li[id^=rueckfrage-]").filter({ hasText: "Wie viele Standorte" });
    await expect(asked.getByRole("link", { name: "Zu Abschnitt 1. Ausgangslage und Auftrag" })).toBeVisible();
    await expect(asked.getByText(`„${words}“`)).toBeVisible();

    await lead.goto(`/konzepte/${conceptId}/lesesaal`);
    await expect(lead.getByText("Wie viele Standorte sind im ersten Jahr geplant?")).toBeVisible();
    await lead.getByLabel("Antwort der Verwaltung").fill("Zunächst zehn, einer je Stadtbezirk.");
    await lead.getByRole("button", { name: "Antwort senden" }).click();
    // The answered question replaces its form.
    await expect(lead.getByText("Zunächst zehn, einer je Stadtbezirk.")).toBeVisible();
    await expect(lead.getByLabel("Antwort der Verwaltung")).toHaveCount(0);

    await member.reload();
    await expect(member.getByText("Zunächst zehn, einer je Stadtbezirk.")).toBeVisible();
    await expectNoAxeViolations(member, "reading room with answer");

    // The committee member sees nothing of the drafting side.
    const section = `/konzepte/${conceptId}/abschnitte/${Object.values(sectionIds)[0]}`;
    for (const path of [
      `/konzepte/${conceptId}`,
      section,
      `${section}/verlauf`,
      `/konzepte/${conceptId}/synopse`,
      `/konzepte/${conceptId}/fassungen`,
      `/konzepte/${conceptId}/vorlage`,
    ]) {
      const response = await member.goto(path);
      expect(response?.status(), path).toBe(404);
    }

    await lead.goto(`/konzepte/${conceptId}/vorlage`);
    // A Vorberatung recommends, the deciding committee decides: each form offers what fits.
    await expect(lead.getByLabel("Ergebnis IR", { exact: true }).locator('option[value="beschlossen"]')).toHaveCount(0);
    await expect(lead.getByLabel("Ergebnis AGS", { exact: true }).locator('option[value="empfohlen"]')).toHaveCount(0);
    const outcomes: [string, string, string][] = [
      ["IR", "empfohlen", "empfohlen"],
      ["JHA", "zur_kenntnis_genommen", "zur Kenntnis genommen"],
      ["AGS", "beschlossen", "beschlossen"],
    ];
    for (const [committee, value, label] of outcomes) {
      await lead.getByLabel(`Ergebnis ${committee}`, { exact: true }).selectOption(value);
      await lead.getByRole("button", { name: `Ergebnis ${committee} speichern` }).click();
      await expect(lead.getByTestId(`outcome-${committee}`)).toContainText(label);
    }
    await lead.getByRole("button", { name: "Beratung abschließen (Beraten)" }).click();
    await expect(lead.getByText("Beraten", { exact: true })).toBeVisible();
    await lead.getByRole("button", { name: "Konzept abschließen" }).click();
    await lead.getByRole("alertdialog").getByRole("button", { name: "Ja, Konzept abschließen" }).click();
    await expect(lead.getByText("Abgeschlossen", { exact: true })).toBeVisible();
    await expectNoAxeViolations(lead, "Vorlage closed");

    await member.goto(`/konzepte/${conceptId}/lesesaal`);
    await expect(member.getByRole("cell", { name: /beschlossen/ })).toBeVisible();
    await member.screenshot({ path: "test-results/lesesaal.png", fullPage: false });
    await member
      .getByRole("region", { name: "Synopse (Abwägung)" })
      .screenshot({ path: "test-results/lesesaal-synopse.png" });
    await leadContext.close();
    await memberContext.close();
  });

  test("a Träger and a committee member outside the Beratungsfolge get no reading room", async ({
    browser,
    request,
  }) => {
    const { conceptId } = await createFreshConcept(request);
    await request.post("/api/test-support/concepts/released", { data: { conceptId } });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "ausschuss");
    expect((await page.goto(`/konzepte/${conceptId}/lesesaal`))?.status()).toBe(404);
    expect((await page.request.get(`/api/concepts/${conceptId}/vorlage/pdf`)).status()).toBe(404);
    await context.close();
    const awoContext = await browser.newContext();
    const awo = await awoContext.newPage();
    await signInAndWait(awo, "awo");
    expect((await awo.goto(`/konzepte/${conceptId}/lesesaal`))?.status()).toBe(404);
    expect((await awo.goto(`/konzepte/${conceptId}/lesesaal/synopse`))?.status()).toBe(404);
    await awoContext.close();
  });

  test("a committee member reads a long Synopse on its own page, 50 entries at a time, beside the submitted text", async ({
    browser,
    request,
  }) => {
    const title = `Lesesaal-Synopse ${Math.random().toString(36).slice(2, 8)}`;
    const { conceptId } = await createFreshConcept(request, title, { threads: 120 });
    expect((await request.post("/api/test-support/submit", { data: { conceptId } })).ok()).toBe(true);
    const context = await browser.newContext();
    const member = await context.newPage();
    await signInAndWait(member, "ausschuss");
    await member.goto(`/konzepte/${conceptId}/lesesaal`);
    // The reading room keeps the submitted text and only points to the Synopse.
    await expect(member.getByRole("heading", { level: 2, name: "1. Ausgangslage und Auftrag" })).toBeVisible();
    const region = member.getByRole("region", { name: "Synopse (Abwägung)" });
    await expect(region.getByText("120 Einträge")).toBeVisible();
    await expect(region.getByRole("table")).toHaveCount(0);
    await region.getByRole("link", { name: "Synopse lesen" }).click();

    await expect(member.getByRole("heading", { level: 1, name: "Synopse (Abwägung)" })).toBeVisible();
    await expect(member.getByText(/Stand bei Einreichung der Vorlage/)).toBeVisible();
    const table = member.getByRole("table", { name: "Synopse (Abwägung)" });
    const pages = member.getByRole("navigation", { name: "Seiten der Synopse" });
    await expect(pages.getByText("Seite 1 von 3")).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(51);
    await pages.getByRole("link", { name: /Nächste Seite/ }).click();
    await expect(pages.getByText("Seite 2 von 3")).toBeVisible();
    await expect(pages.getByRole("link", { name: "Seite 2", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(member.getByRole("status").filter({ hasText: "Einträge 51–100" })).toBeVisible();
    await expectNoAxeViolations(member, "reading room Synopse, page 2");
    await pages.getByRole("link", { name: "Seite 3", exact: true }).click();
    await expect(table.getByRole("row")).toHaveCount(21);
    expect((await member.goto(`/konzepte/${conceptId}/lesesaal/synopse?seite=0`))?.status()).toBe(200);
    await expect(pages.getByText("Seite 1 von 3")).toBeVisible();
    const csv = await member.request.get(`/api/concepts/${conceptId}/vorlage/synopse?format=csv`);
    expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(121);

    await member
      .getByRole("navigation", { name: "Brotkrumennavigation" })
      .getByRole("link", { name: `Lesesaal: ${title}` })
      .click();
    await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await context.close();
  });
});
