import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Unique suffix per test, so parallel specs never collide. */
export const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function mailDir(): string {
  const port = process.env.E2E_PORT ?? "3210";
  return (JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `konzeptwerk-e2e-${port}.env.json`), "utf8")) as { MAIL_DIR: string }).MAIL_DIR;
}

/** Quoted-printable body of an .eml as plain text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Waits until the outbox has written a mail to `to` as .eml into MAIL_DIR, and returns its decoded text. */
export async function waitForMail(to: string): Promise<string> {
  let found = "";
  await expect
    .poll(
      () => {
        const dir = mailDir();
        for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
          const raw = fs.readFileSync(path.join(dir, file), "utf8");
          if (raw.toLowerCase().includes(`to: ${to.toLowerCase()}`)) {
            found = decodeQuotedPrintable(raw);
            return true;
          }
        }
        return false;
      },
      { message: `mail to ${to} in MAIL_DIR`, timeout: 20_000 },
    )
    .toBe(true);
  return found;
}

export async function createFreshUser(request: APIRequestContext, user: { name: string; email: string; password: string; organisation?: string }) {
  const response = await request.post("/api/test-support/users", { data: user });
  expect(response.ok(), "test-support users route").toBe(true);
}

/** The id of a server action by its exported name, from the production build's manifest. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} not in the build`);
  return entry[0];
}

/**
 * Calls a server action the way a forged request would: with the page's session cookies, bypassing the UI.
 * The fields go in as the FormData argument (React's reply encoding: part "0" is the argument list).
 */
export async function forgeServerAction(page: Page, path: string, exportedName: string, fields: Record<string, string>) {
  const multipart: Record<string, string> = { "0": JSON.stringify(["$undefined", "$K1"]) };
  for (const [k, v] of Object.entries(fields)) multipart[`1_${k}`] = v;
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(path, {
    headers: { "Next-Action": serverActionId(exportedName), Origin: origin, Accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
