import { captureServerAction, createFreshUser, uniq, type CapturedAction } from "../support/admin";
import { createFreshConcept, expect, test } from "../support/fixtures";
import type { Page } from "@playwright/test";

/**
 * Issue 16, findings 5 and 6, with requests that skip the UI: a form posted from another site without JavaScript,
 * a 5 MB comment, and a flood of comments from one account. Each answer is German, nothing refused is stored.
 */
async function signInFresh(page: Page, request: import("@playwright/test").APIRequestContext) {
  const email = `${uniq()}@demo.example`;
  await createFreshUser(request, { name: "Flora Flut", email, password: "flut-passwort-2026" });
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("flut-passwort-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
}

async function captureComment(page: Page, text: string): Promise<CapturedAction> {
  await page.getByLabel("Kommentar", { exact: true }).fill(text);
  return captureServerAction(page, () => page.getByRole("button", { name: "Kommentieren" }).click());
}

function replay(page: Page, action: CapturedAction, body: Buffer, extra: Record<string, string> = {}) {
  const pick = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([k]) => pick.includes(k)));
  return page.request.post(action.url, {
    headers: { ...headers, origin: new URL(action.url).origin, ...extra },
    data: body,
    maxRedirects: 0,
  });
}

test.beforeEach(async ({ page, request }) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  await signInFresh(page, request);
  await page.goto(`/konzepte/${conceptId}/abschnitte/${Object.values(sectionIds)[0]}`);
});

test("a form posted from another site without JavaScript gets a German 403 page, and nothing is stored", async ({
  page,
}) => {
  const action = await captureComment(page, "Nur zum Abfangen");
  const form = new FormData();
  form.append(`$ACTION_ID_${action.headers["next-action"]}`, "");
  for (const [name, value] of new URLSearchParams({ body: "Von fremder Seite gepostet", visibility: "alle" }))
    form.append(name, value);
  const pageUrl = new URL(page.url());
  form.append("conceptId", pageUrl.pathname.split("/")[2]!);
  form.append("sectionId", pageUrl.pathname.split("/")[4]!);
  const response = await page.request.post(page.url(), {
    headers: { origin: "https://angreifer.example", "sec-fetch-site": "cross-site" },
    multipart: form,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain('<html lang="de">');
  expect(html).toContain("Anfrage von einer fremden Seite abgelehnt.");
  await page.reload();
  await expect(page.getByText("Von fremder Seite gepostet")).toHaveCount(0);
});

test("a 5 MB comment gets a German 413 instead of Next.js's English body-size error, and nothing is stored", async ({
  page,
}) => {
  const action = await captureComment(page, "PLATZHALTER");
  const huge = Buffer.from(action.body.toString("utf8").replace("PLATZHALTER", "Riesig ".repeat(750_000)), "utf8");
  expect(huge.length).toBeGreaterThan(5_000_000);
  const response = await replay(page, action, huge);
  expect(response.status()).toBe(413);
  const answer = await response.json();
  expect(answer).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE" });
  expect(answer.message).toMatch(/^Die Eingabe ist zu groß \(höchstens 1 MB\)/);
  await page.reload();
  await expect(page.getByText("Riesig Riesig")).toHaveCount(0);
});

test("a flood of comments from one account stops after 30 (then one per 6 s) with a German message; the refused ones are not stored", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const action = await captureComment(page, "Flutkommentar");
  const answers: string[] = [];
  const started = Date.now();
  for (let i = 0; i < 36; i++) {
    const response = await replay(page, action, action.body);
    expect(response.status(), `request ${i}`).toBe(200);
    answers.push(await response.text());
  }
  const refusal = "Sie haben in kurzer Zeit sehr viele Beiträge geschrieben.";
  // 30 in a row go through; meanwhile the bucket refills by one every 6 s.
  const refill = Math.floor((Date.now() - started) / 6000);
  expect(answers.slice(0, 30).some((a) => a.includes(refusal))).toBe(false);
  const stored = answers.filter((a) => !a.includes(refusal)).length;
  expect(stored).toBeLessThanOrEqual(30 + refill);
  expect(answers.at(-1)).toContain(refusal);
  expect(answers.at(-1)).toContain("RATE_LIMITED");
  // The person's own threads in the discussion: exactly the 30 that went through.
  await page.goto(`${page.url().split("?")[0]}?filter=meine`);
  await expect(page.getByText(`Kommentare 1–20 von ${stored} in dieser Ansicht`)).toBeVisible();
});
