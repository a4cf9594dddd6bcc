import { captureServerAction, createFreshUser, uniq } from "../support/admin";
import { createFreshConcept, expect, signInAndWait, test } from "../support/fixtures";

/** Security headers on pages and API answers, the nonce on every script, the session cookie, foreign origins. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toMatch(/camera=\(\)/);
  const csp = directives(headers["content-security-policy"] ?? "");
  expect(csp["frame-ancestors"], where).toEqual(["'none'"]);
  expect(
    csp["script-src"]?.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)),
    where,
  ).toBe(true);
  expect(csp["script-src"], where).not.toContain("'unsafe-inline'");
  // Plain http in the e2e server: no HSTS (it would lock browsers out of a non-https host).
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

test("pages and API answers carry the security headers; every script carries the page's nonce", async ({
  page,
  request,
}) => {
  const { conceptId } = await createFreshConcept(request);
  for (const path of ["/anmelden", "/api/health", "/api/concepts/00000000-0000-4000-8000-000000000000/synopse"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expectSecurityHeaders(response.headers(), path);
  }
  await signInAndWait(page, "awo");
  for (const path of [
    "/",
    `/konzepte/${conceptId}`,
    `/konzepte/${conceptId}/synopse`,
    `/api/concepts/${conceptId}/synopse?format=csv`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expectSecurityHeaders(headers, path);
    if (!headers["content-type"]?.startsWith("text/html")) continue;
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!;
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: script without the nonce`).toContain(`nonce="${nonce}"`);
  }
  // Each response gets its own nonce.
  const a = (await page.request.get("/")).headers()["content-security-policy"];
  const b = (await page.request.get("/")).headers()["content-security-policy"];
  expect(a).not.toBe(b);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAndWait(page, "diakonie");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
});

test("state-changing route handlers refuse a foreign Origin even with a valid session", async ({ page, request }) => {
  const { conceptId, sectionIds } = await createFreshConcept(request);
  const sectionId = Object.values(sectionIds)[0]!;
  await signInAndWait(page, "federfuehrung");
  const base = `/api/concepts/${conceptId}/sections/${sectionId}`;
  for (const [method, path] of [
    ["POST", `${base}/revisions`],
    ["POST", `${base}/conflict`],
    ["POST", `${base}/proposals`],
    ["POST", `${base}/proposals/00000000-0000-4000-8000-000000000000/accept`],
  ] as const) {
    const response = await page.request.fetch(path, {
      method,
      headers: { origin: "https://angreifer.example", "sec-fetch-site": "cross-site" },
      data: { baseVersion: 1, content: { type: "doc", content: [] } },
    });
    expect(response.status(), `${method} ${path}`).toBe(403);
    expect((await response.json()).message).toBe("Anfrage von einer fremden Seite abgelehnt.");
  }
});

test("server actions refuse a foreign Origin with 403 before Next.js runs them", async ({ page, request }) => {
  const email = `${uniq()}@demo.example`;
  await createFreshUser(request, { name: "Olga Origin", email, password: "altes-passwort-2026" });
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("altes-passwort-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
  await page.goto("/profil");
  const region = page.getByRole("region", { name: "Persönliche Angaben" });
  await region.getByLabel("Name").fill("Olga Gefälscht");
  const action = await captureServerAction(page, () => region.getByRole("button", { name: "Speichern" }).click());
  const pick = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([k]) => pick.includes(k)));
  const forged = await page.request.post(action.url, {
    headers: { ...headers, origin: "https://angreifer.example" },
    data: action.body,
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  await page.reload();
  await expect(page.getByRole("region", { name: "Persönliche Angaben" }).getByLabel("Name")).toHaveValue("Olga Origin");
  // The same request from our own origin goes through: the refusal above was the Origin, not a broken replay.
  const own = await page.request.post(action.url, {
    headers: { ...headers, origin: new URL(action.url).origin },
    data: action.body,
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
  await page.reload();
  await expect(page.getByRole("region", { name: "Persönliche Angaben" }).getByLabel("Name")).toHaveValue(
    "Olga Gefälscht",
  );
});
