import type { Page } from "@playwright/test";
import { createFreshUser, uniq } from "../support/admin";
import { createFreshConcept, expect, signInAndWait, test } from "../support/fixtures";

/**
 * Stored XSS: payloads go in through every way a person can store text (section content through the real save
 * route, including JSON the editor would never produce, comments, proposal reasons, names, organisation names,
 * Vorlage numbers that become file names) and every page that shows them is checked: no dialog (the fixture
 * fails on one), no flag set by a payload, no injected element or event attribute in the DOM.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1;alert(1)">`,
  `"><script>window.__xss=1;alert(1)</script>`,
  `<svg onload="window.__xss=1;alert(1)">`,
  `javascript:window.__xss=1`,
  `<a href="javascript:window.__xss=1">klick</a>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `=HYPERLINK("http://angreifer.example","x")`,
];
const ONE_LINE = PAYLOADS.join(" ");

async function expectNoInjection(page: Page, where: string) {
  await expect(page.locator("h1").first(), where).toBeVisible();
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) bad.push("window.__xss set");
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`);
        if (
          ["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name) &&
          /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value)
        )
          bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    for (const s of Array.from(document.querySelectorAll("script")))
      if (/__xss/.test(s.textContent ?? "") && !/self\.__next_f/.test(s.textContent ?? ""))
        bad.push("inline script with payload");
    for (const el of Array.from(document.querySelectorAll("img[src='x'], svg[onload], iframe, object, embed")))
      bad.push(`element ${el.tagName}`);
    return bad;
  });
  expect(found, where).toEqual([]);
}

test("payloads stored everywhere never execute in any page, and downloads keep them inert", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  const { conceptId, sectionIds } = await createFreshConcept(request, `XSS ${ONE_LINE.slice(0, 60)}`);
  const sectionId = Object.values(sectionIds)[2]!;
  const section = `/konzepte/${conceptId}/abschnitte/${sectionId}`;
  const api = `/api/concepts/${conceptId}/sections/${sectionId}`;

  // A person whose name is a payload writes a comment that is one.
  const email = `${uniq()}@stadt.example`;
  await createFreshUser(request, {
    name: `<img src=x onerror="window.__xss=1">Mallory`,
    email,
    password: "xss-passwort-2026",
    organisation: "Jugendamt",
  });
  const malloryContext = await browser.newContext();
  const mallory = await malloryContext.newPage();
  await mallory.goto("/anmelden");
  await mallory.getByLabel("E-Mail-Adresse").fill(email);
  await mallory.getByLabel("Passwort").fill("xss-passwort-2026");
  await mallory.getByRole("button", { name: "Anmelden" }).click();
  await expect(mallory.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
  await mallory.goto(section);
  await mallory.getByLabel("Kommentar", { exact: true }).fill(`=cmd|' /C calc'!A0 ${ONE_LINE}`);
  await mallory.getByRole("button", { name: "Kommentieren" }).click();
  await expect(mallory.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
  await malloryContext.close();

  await signInAndWait(page, "federfuehrung");
  // Section content through the real save route: text, and JSON the editor would never produce.
  const crafted = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: ONE_LINE }] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "Link",
            marks: [{ type: "link", attrs: { href: "javascript:window.__xss=1", onclick: "window.__xss=1" } }],
          },
        ],
      },
      {
        type: "paragraph",
        attrs: { onmouseover: "window.__xss=1", style: "background:url(javascript:alert(1))" },
        content: [{ type: "text", text: "Attribute" }],
      },
      { type: "rawHtml", content: [{ type: "text", text: "<script>window.__xss=1</script>" }] },
    ],
  };
  const refused = await page.request.post(`${api}/revisions`, { data: { baseVersion: 1, content: crafted } });
  expect(refused.status(), "content the editor cannot produce is refused").toBe(422);
  const linkOnly = { type: "doc", content: [crafted.content[0], crafted.content[1]] };
  const linkSave = await page.request.post(`${api}/revisions`, { data: { baseVersion: 1, content: linkOnly } });
  expect([201, 422]).toContain(linkSave.status());
  const text = await page.request.post(`${api}/revisions`, {
    data: {
      baseVersion: linkSave.status() === 201 ? 2 : 1,
      content: { type: "doc", content: [crafted.content[0]] },
      note: ONE_LINE.slice(0, 400),
    },
  });
  expect(text.status()).toBe(201);
  // A proposal whose reason is a payload.
  const proposal = await page.request.post(`${api}/proposals`, {
    data: {
      baseVersion: (await text.json()).version,
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Neu" }] }] },
      reason: `@SUM(1+1) ${ONE_LINE}`,
    },
  });
  expect(proposal.status()).toBe(201);
  const { proposalId } = (await proposal.json()) as { proposalId: string };

  // An organisation whose name is a payload.
  const orgName = `<svg onload="window.__xss=1">Träger ${uniq()}`;
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAndWait(adminPage, "admin");
  await adminPage.goto("/administration/organisationen");
  const form = adminPage.getByRole("region", { name: "Neue Organisation" });
  await form.getByLabel("Name", { exact: true }).fill(orgName);
  await form.getByLabel("Kurzbezeichnung").fill(`"><b>x</b>`);
  await form.getByLabel("Art").selectOption({ label: "Träger" });
  await form.getByRole("button", { name: "Organisation anlegen" }).click();
  await expect(form.getByRole("status")).toHaveText("Die Organisation wurde angelegt.");
  for (const path of ["/administration/organisationen", "/administration/konzepte", "/administration/personen"]) {
    await adminPage.goto(path);
    await expectNoInjection(adminPage, path);
  }
  await expect(
    adminPage.getByText(`<img src=x onerror="window.__xss=1">Mallory`).first(),
    "the name shows as text",
  ).toBeVisible();
  await admin.close();

  const pages = [
    `/konzepte/${conceptId}`,
    section,
    `${section}/verlauf`,
    `${section}/vorschlaege/${proposalId}`,
    `/konzepte/${conceptId}/synopse`,
    `/konzepte/${conceptId}/protokoll`,
    `/konzepte/${conceptId}/gliederung`,
    `/konzepte/${conceptId}/beteiligte`,
    "/benachrichtigungen",
    `/suche?q=${encodeURIComponent("onerror")}`,
    `/suche?q=${encodeURIComponent(PAYLOADS[1]!)}`,
    "/",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expectNoInjection(page, path);
  }
  await page.goto(section);
  await expect(page.getByText(PAYLOADS[0]!).first(), "the payload shows as text").toBeVisible();

  // Exports: Markdown escapes HTML, the CSV neutralises formulas.
  const md = await (await page.request.get(`/api/concepts/${conceptId}/export?format=md`)).text();
  // Every "<" of the payloads is escaped: no raw tag survives.
  expect(md).not.toMatch(/(^|[^\\])<(img|script|svg|a)\b/m);
  expect(md).toContain("\\<img src=x");
  const csv = await (await page.request.get(`/api/concepts/${conceptId}/synopse?format=csv`)).text();
  const cells = csv.split(/;|\r\n/).map((c) => c.replace(/^"/, ""));
  for (const cell of cells) expect(cell, "no cell starts a formula").not.toMatch(/^[=+\-@\t\r]/);
  expect(csv).toContain("'=cmd");
  expect(csv).toContain("'@SUM");

  // The Vorlage number becomes a file name: quoted safely in Content-Disposition, shown as text.
  const submitted = await request.post("/api/test-support/submit", {
    data: { conceptId, reference: `"><svg onload=alert(1)>;x`, withoutCommittees: ["IR", "JHA", "AGS"] },
  });
  expect(submitted.ok()).toBe(true);
  const pdf = await page.request.get(`/api/concepts/${conceptId}/vorlage/pdf`);
  expect(pdf.status()).toBe(200);
  const disposition = pdf.headers()["content-disposition"]!;
  expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
  for (const path of [
    `/konzepte/${conceptId}/vorlage`,
    `/konzepte/${conceptId}/lesesaal`,
    `/konzepte/${conceptId}/lesesaal/synopse`,
    `/konzepte/${conceptId}`,
  ]) {
    await page.goto(path);
    await expectNoInjection(page, path);
  }
});
