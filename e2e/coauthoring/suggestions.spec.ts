import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Browser, Page } from "@playwright/test";
import WebSocket from "ws";
import * as Y from "yjs";
import { createFreshConcept, expect, signInAndWait, test, type DemoUser } from "../support/fixtures";
import { axe, editorText, moveCaret, SECTION, sectionUrl, shot } from "./helpers";

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, user);
  return page;
}

async function openLive(page: Page, conceptId: string, sectionId: string) {
  await page.goto(`${sectionUrl(conceptId, sectionId)}/bearbeiten`);
  await expect(editorText(page)).toBeVisible();
  await expect(page.locator('[data-connection="connected"]')).toBeVisible();
  return editorText(page);
}

const panel = (page: Page) => page.getByRole("region", { name: /^Vorschläge im Text/ });

/**
 * The path: a Träger suggests in another organisation's section, the owner sees it live and decides; the
 * Synopse lists the decisions. A forged direct change from the Träger's own session is refused by the server.
 */
test("a Träger suggests in the AWO's section; the AWO accepts one, rejects one with a reason; the Synopse records both", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = sectionIds[SECTION.awo]!;
  const diakonie = await pageAs(browser, "diakonie");
  const awo = await pageAs(browser, "awo");

  // The Diakonie comes through "Änderung vorschlagen" and lands in suggesting mode.
  await diakonie.goto(sectionUrl(conceptId, sectionId));
  await diakonie.getByRole("link", { name: "Änderung vorschlagen" }).click();
  const suggestText = editorText(diakonie);
  await expect(suggestText).toBeVisible();
  await expect(diakonie.locator('[data-connection="connected"]')).toBeVisible();
  await expect(diakonie.getByTestId("suggest-notice")).toContainText("Diesen Abschnitt verantwortet AWO Düsseldorf");
  const awoText = await openLive(awo, conceptId, sectionId);
  await expect(awo.getByRole("group", { name: "Arbeitsweise im Text" })).toBeVisible();

  // A replacement (select the first word, type over it) and an insertion at the end.
  await suggestText.click();
  await moveCaret(diakonie, "Control+Home");
  await diakonie.keyboard.press("Control+Shift+ArrowRight");
  await diakonie.keyboard.type("Das Ziel");
  await moveCaret(diakonie, "Control+End");
  await diakonie.keyboard.type(" Mit Sprachcafés.");
  await expect(panel(diakonie).getByRole("listitem")).toHaveCount(2);
  await axe(diakonie, "suggesting mode with the suggestion list");
  await shot(diakonie, "suggesting-traeger");

  // The AWO sees both live, with who made them.
  // (A suggestion may be drawn as several marked pieces, e.g. around the other person's caret.)
  const marked = (selector: string) =>
    awoText
      .locator(selector)
      .allTextContents()
      .then((t) => t.join(""));
  await expect.poll(() => marked("ins.suggestion"), { timeout: 3000 }).toMatch(/Das Ziel.*Mit Sprachcafés\./);
  await expect.poll(() => marked("del.suggestion")).toBe("Ziel");
  const items = panel(awo).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Miriam Schulte (Diakonie Düsseldorf)");
  await axe(awo, "suggestion list for the owner");
  await shot(awo, "suggesting-owner");

  // A forged direct change from the Diakonie's own session, over the WebSocket: refused, nothing changes.
  const cookies = await diakonie.context().cookies();
  const before = await awoText.textContent();
  const refusal = await forgeDirectChange(baseURL!, sectionId, cookies.map((c) => `${c.name}=${c.value}`).join("; "));
  expect(refusal).toMatch(/^Im Vorschlagsmodus können Sie den Text nicht direkt ändern/);
  expect(await awoText.textContent()).toBe(before);
  await expect(awoText).not.toContainText("Gefälscht");

  // The Diakonie opens a discussion about its insertion on the section page; it shows which suggestion it is about.
  const read = await diakonie.context().newPage();
  const listed = read.locator('li[id^="vorschlag-"]').filter({ hasText: "Sprachcafés" });
  await expect(async () => {
    await read.goto(sectionUrl(conceptId, sectionId));
    await expect(listed).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await listed.getByText("Diskutieren").click();
  await listed.getByLabel("Ihr Beitrag zum Vorschlag").fill("Sprachcafés gibt es schon in Eller.");
  await listed.getByRole("button", { name: "Diskussion beginnen" }).click();
  await expect(
    read.locator("li[id^=thread-]").filter({ hasText: "Sprachcafés gibt es schon in Eller." }),
  ).toContainText("Zum Vorschlag im Text:");
  await axe(read, "section page with a suggestion and its discussion");
  await shot(read, "suggestions-section-page");
  await read.close();

  // Reject the insertion with a reason, accept the replacement.
  const insertion = items.filter({ hasText: "Sprachcafés" });
  await insertion.getByRole("button", { name: "Anders entscheiden …" }).click();
  await insertion.getByLabel("Entscheidung (Abwägung)").selectOption("nicht_uebernommen");
  await insertion.getByRole("button", { name: "Entscheidung festhalten" }).click();
  await expect(insertion.getByText("Bitte begründen Sie die Entscheidung (Abwägung).")).toBeVisible();
  await insertion.getByLabel("Begründung").fill("Sprachcafés gehören zur Familienzentren-Prüfung.");
  await insertion.getByRole("button", { name: "Entscheidung festhalten" }).click();
  await expect(awoText).not.toContainText("Sprachcafés", { timeout: 5000 });
  await expect(suggestText).not.toContainText("Sprachcafés", { timeout: 5000 });
  await expect(items).toHaveCount(1);
  await items.first().getByRole("button", { name: "Übernehmen" }).click();
  await expect(awo.getByRole("status").filter({ hasText: "Vorschlag übernommen – Version 2." })).toBeVisible();
  await expect(panel(awo).getByRole("listitem")).toHaveCount(0);
  await expect(suggestText.locator("ins.suggestion, del.suggestion")).toHaveCount(0);
  await expect(suggestText).toContainText("Das Ziel ist, die vor dem Hintergrund");

  // The revision and the Synopse.
  await awo.goto(sectionUrl(conceptId, sectionId));
  await expect(awo.getByRole("article")).toContainText("Das Ziel ist");
  await awo.goto(`/konzepte/${conceptId}/synopse?art=textvorschlag`);
  const rows = awo.getByRole("row");
  await expect(rows.filter({ hasText: "ersetzt „Ziel“ durch „Das Ziel“" })).toContainText("übernommen");
  await expect(rows.filter({ hasText: "Sprachcafés" })).toContainText("nicht übernommen");
  await expect(rows.filter({ hasText: "Sprachcafés" })).toContainText(
    "Sprachcafés gehören zur Familienzentren-Prüfung.",
  );
  await axe(awo, "Synopse with suggestions");
  await diakonie.context().close();
  await awo.context().close();
});

/** Connects as the browser's session would and sends a plain text change (no suggestion marks). */
async function forgeDirectChange(baseURL: string, sectionId: string, cookie: string): Promise<string> {
  const origin = new URL(baseURL).origin;
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${origin.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WithHeaders,
    maxAttempts: 1,
  });
  const refused = new Promise<string>((resolve) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: sectionId,
      document: doc,
      token: "session",
      onStateless: ({ payload }) => {
        const notice = JSON.parse(payload) as { type: string; message?: string };
        if (notice.type === "refused") resolve(notice.message ?? "");
      },
      onSynced: () => {
        const paragraph = doc.getXmlFragment("default").get(0) as Y.XmlElement;
        (paragraph.get(0) as Y.XmlText).insert(0, "Gefälscht: ");
      },
    });
    provider.attach();
    setTimeout(() => resolve("keine Antwort"), 10_000).unref();
  });
  const message = await refused;
  socket.destroy();
  return message;
}
