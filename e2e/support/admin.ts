import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Unique suffix per test, so parallel specs never collide. */
export const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function mailDir(): string {
  const port = process.env.E2E_PORT ?? "3210";
  return (
    JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `konzeptwerk-e2e-${port}.env.json`), "utf8")) as {
      MAIL_DIR: string;
    }
  ).MAIL_DIR;
}

/** Quoted-printable body of an .eml as plain text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
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

export async function createFreshUser(
  request: APIRequestContext,
  user: { name: string; email: string; password: string; organisation?: string },
) {
  const response = await request.post("/api/test-support/users", { data: user });
  expect(response.ok(), "test-support users route").toBe(true);
}

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Lets `submit` send a server action from a real form, but stops the request before it reaches the server
 * and returns it: the exact request a forger would replay with another session.
 */
export async function captureServerAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await submit();
  await expect.poll(() => captured !== null, { message: "server action request captured" }).toBe(true);
  await page.unroute("**/*");
  return captured!;
}

/** Replays a captured action with the session of `page` (another person); returns status and RSC body. */
export async function replayServerAction(page: Page, action: CapturedAction) {
  const pick = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([k]) => pick.includes(k)));
  const response = await page.request.post(action.url, {
    headers: { ...headers, origin: new URL(action.url).origin },
    data: action.body,
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
