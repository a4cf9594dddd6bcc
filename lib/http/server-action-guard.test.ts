import { describe, expect, it } from "vitest";
import {
  isServerActionPost,
  MAX_ACTION_BODY_BYTES,
  refusalMessage,
  refusalPage,
  refuseServerActionPost,
} from "./server-action-guard";

const post = (headers: Record<string, string>, body?: string) =>
  new Request("http://127.0.0.1:3250/konzepte/x", {
    method: "POST",
    headers: { host: "127.0.0.1:3250", ...headers },
    body,
  });
const OWN = { origin: "http://127.0.0.1:3250" };
const FOREIGN = { origin: "https://angreifer.example", "sec-fetch-site": "cross-site" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("server action guard", () => {
  it("takes action fetches and form posts to pages for server actions, not API calls or GETs", () => {
    expect(isServerActionPost(post({ "next-action": "abc" }), "/konzepte/x")).toBe(true);
    expect(isServerActionPost(post({ "content-type": "multipart/form-data; boundary=x" }), "/profil")).toBe(true);
    expect(isServerActionPost(post(FORM), "/profil")).toBe(true);
    expect(isServerActionPost(post(FORM), "/api/auth/callback/credentials")).toBe(false);
    expect(isServerActionPost(post({ "content-type": "application/json" }), "/konzepte/x")).toBe(false);
    expect(isServerActionPost(new Request("http://127.0.0.1:3250/"), "/")).toBe(false);
  });
  it("refuses a foreign form post without JavaScript (403) and an oversized body (413), in the reader's language", async () => {
    const foreign = await refuseServerActionPost(post({ ...FOREIGN, ...FORM }, "a=1"), "/profil");
    expect(foreign).toMatchObject({ status: 403 });
    expect(refusalMessage(foreign!, "de")).toBe("Anfrage von einer fremden Seite abgelehnt.");
    expect(refusalMessage(foreign!, "en")).toBe("Request from another site refused.");
    expect(refusalPage(foreign!, "de")).toContain('<html lang="de">');
    expect(refusalPage(foreign!, "en")).toContain("Nothing was stored.");
    expect(await refuseServerActionPost(post({ ...OWN, ...FORM }, "a=1"), "/profil")).toBeNull();
    const big = "x".repeat(MAX_ACTION_BODY_BYTES + 1);
    const tooLarge = await refuseServerActionPost(post({ ...OWN, "next-action": "abc" }, big), "/k");
    expect(tooLarge).toMatchObject({ status: 413 });
    expect(refusalMessage(tooLarge!, "de")).toMatch(/zu groß/);
    // Declared length or not (chunked): the size counts.
    const declared = post({ ...OWN, ...FORM, "content-length": String(5 * 1024 * 1024) });
    expect(await refuseServerActionPost(declared, "/k")).toMatchObject({ status: 413 });
  });
});
