import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { request as requestFactory } from "@playwright/test";
import { createFreshUser, uniq, waitForMail } from "../support/admin";
import {
  createFreshConcept,
  demoEmail,
  expect,
  expectNoAxeViolations,
  signInAndWait,
  test,
  type DemoUser,
} from "../support/fixtures";

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user);
  return page;
}

/** The .eml files the outbox wrote to `to` whose text contains every one of `parts`. */
function mailsTo(to: string, ...parts: string[]): number {
  const port = process.env.E2E_PORT ?? "3210";
  const { MAIL_DIR } = JSON.parse(
    fs.readFileSync(path.join(os.tmpdir(), `konzeptwerk-e2e-${port}.env.json`), "utf8"),
  ) as { MAIL_DIR: string };
  return fs
    .readdirSync(MAIL_DIR)
    .map((file) => fs.readFileSync(path.join(MAIL_DIR, file), "utf8").replace(/=\r?\n/g, ""))
    .filter((raw) => raw.toLowerCase().includes(`to: ${to}`) && parts.every((p) => raw.includes(p))).length;
}

test("the Träger's task list shows the sign-off with its deadline; the reminder goes out once; a deputy signs for Caritas", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const title = `Aufgaben ${Math.random().toString(36).slice(2, 8)}`;
  const { conceptId } = await createFreshConcept(request, title, { readyForSignoff: true });
  const lead = await pageAs(browser, "federfuehrung");
  await lead.goto(`/konzepte/${conceptId}`);
  const panel = lead.getByRole("region", { name: "Arbeitsablauf" });
  await panel.getByRole("button", { name: "Mitzeichnung starten" }).click();
  const dialog = lead.getByRole("alertdialog", { name: "Mitzeichnung starten?" });
  await expect(dialog).toContainText("per E-Mail mit der Frist um die Mitzeichnung gebeten");
  await dialog.getByRole("button", { name: "Ja, Mitzeichnung starten" }).click();
  await expect(panel.locator("p", { hasText: "Aktueller Status:" })).toHaveText("Aktueller Status: Mitzeichnung");

  // Caritas' signer: the header counts the task, the list links to the Mitzeichnung with its deadline.
  const caritas = await pageAs(browser, "caritas");
  await expect(caritas.getByRole("link", { name: /^Meine Aufgaben \(\d+ offene Aufgaben?\)$/ })).toBeVisible();
  await caritas.getByRole("link", { name: /^Meine Aufgaben/ }).click();
  await expect(caritas.getByRole("heading", { level: 1, name: "Meine Aufgaben" })).toBeVisible();
  const task = caritas.getByRole("listitem").filter({ hasText: title });
  await expect(task.getByRole("link", { name: "Mitzeichnung für Caritasverband Düsseldorf abgeben" })).toBeVisible();
  const due = await task.locator("time").first().getAttribute("datetime");
  expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(task).toContainText("fällig am");
  await expectNoAxeViolations(caritas, "Meine Aufgaben");
  await caritas.screenshot({ path: "test-results/aufgaben.png", fullPage: true });

  // The request is in the outbox: a mail to every signer, with the deadline.
  expect(await waitForMail(demoEmail("caritas"))).toContain("Bitte um Mitzeichnung bis");

  // On the day of the deadline (clock moved forward, not waited for) two server processes are asked at once:
  // exactly one runs the reminder job, and Caritas gets the reminder once.
  const contexts = await Promise.all([requestFactory.newContext({ baseURL }), requestFactory.newContext({ baseURL })]);
  expect((await request.post("/api/test-support/reminders", { data: { reset: true } })).ok()).toBe(true);
  const runs = await Promise.all(
    contexts.map(async (c) => (await c.post("/api/test-support/reminders", { data: { today: due } })).json()),
  );
  expect(runs.filter((r: { ran: boolean }) => r.ran)).toHaveLength(1);
  await expect
    .poll(() => mailsTo(demoEmail("caritas"), "Heute_f=C3=A4llig", "steht die Mitzeichnung von", title), {
      message: "reminder mail to Caritas",
    })
    .toBe(1);
  const again = await contexts[0]!.post("/api/test-support/reminders", { data: { today: due } });
  expect((await again.json()).ran).toBe(false);
  await Promise.all(contexts.map((c) => c.dispose()));
  expect(mailsTo(demoEmail("caritas"), "Heute_f=C3=A4llig", "steht die Mitzeichnung von", title)).toBe(1);

  // Caritas' signer names a deputy (a fresh person, so the spec can run again on the same database); the deputy
  // finds the sign-off in the task list, signs for Caritas, and the page says for whom.
  const deputyName = `Vera Vertretung ${uniq()}`;
  const deputyEmail = `vertretung-${uniq()}@stadt.example`;
  await createFreshUser(request, {
    name: deputyName,
    email: deputyEmail,
    password: "Vertretung-2022!",
    organisation: "Jugendamt",
  });
  await caritas.goto("/profil");
  const deputies = caritas.getByRole("region", { name: "Vertretung bei der Mitzeichnung" });
  await deputies.getByLabel("E-Mail-Adresse der Vertretung").fill(deputyEmail);
  await deputies.getByRole("button", { name: "Als Vertretung benennen" }).click();
  await expect(deputies.getByRole("status")).toHaveText(`${deputyName} kann jetzt in Vertretung mitzeichnen.`);
  await expectNoAxeViolations(caritas, "profile with deputies");

  const deputy = await (await browser.newContext()).newPage();
  await deputy.goto("/anmelden");
  await deputy.getByLabel("E-Mail-Adresse").fill(deputyEmail);
  await deputy.getByLabel("Passwort").fill("Vertretung-2022!");
  await deputy.getByRole("button", { name: "Anmelden" }).click();
  await expect(deputy.getByRole("heading", { level: 1, name: "Meine Konzepte" })).toBeVisible();
  await deputy.goto("/aufgaben");
  await deputy
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("link", { name: "Mitzeichnung für Caritasverband Düsseldorf abgeben" })
    .click();
  await expect(deputy.getByRole("heading", { level: 1, name: "Mitzeichnung" })).toBeVisible();
  await deputy.getByLabel("Für die Organisation").selectOption({ label: "Caritasverband Düsseldorf" });
  await deputy.getByRole("radio", { name: "Zustimmen", exact: true }).check();
  await deputy.getByRole("button", { name: "Mitzeichnung abgeben" }).click();
  const matrix = deputy.getByRole("region", { name: "Mitzeichnungen" });
  await expect(
    matrix.getByRole("row", { name: /Caritasverband Düsseldorf/ }).getByRole("cell", {
      name: `${deputyName} in Vertretung für Caritasverband Düsseldorf`,
    }),
  ).toBeVisible();
});

test("starting a Mitzeichnung with an organisation nobody may sign for is refused with that reason", async ({
  browser,
  request,
}) => {
  const organisation = `Träger ohne Zeichnung ${Math.random().toString(36).slice(2, 6)}`;
  const { conceptId } = await createFreshConcept(request, undefined, {
    readyForSignoff: true,
    unsignableOrganisation: organisation,
  });
  const lead = await pageAs(browser, "federfuehrung");
  await lead.goto(`/konzepte/${conceptId}`);
  const panel = lead.getByRole("region", { name: "Arbeitsablauf" });
  await expect(panel.getByRole("button", { name: "Mitzeichnung starten" })).toHaveCount(0);
  await expect(panel).toContainText(
    `Für ${organisation} kann niemand mitzeichnen (keine aktive Person mit Zeichnungsrecht oder Vertretung)`,
  );
  await lead.goto(`/konzepte/${conceptId}/beteiligte`);
  await expect(lead.getByRole("row", { name: new RegExp(organisation) })).toContainText(
    "Muss mitzeichnen, aber niemand kann für diese Organisation zeichnen",
  );
});

test("a committee member's task list is empty and says what would appear there", async ({ browser }) => {
  const member = await pageAs(browser, "ausschuss");
  await member.goto("/aufgaben");
  await expect(member.getByText("Zurzeit wartet nichts auf Sie.")).toBeVisible();
  await expect(member.getByText(/Hier erscheint, was Sie erledigen sollen/)).toBeVisible();
  await expectNoAxeViolations(member, "empty task list");
});
