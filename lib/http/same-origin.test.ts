import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const req = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3250/x", { method: "POST", headers: { host: "127.0.0.1:3250", ...headers } });

describe("isSameOriginRequest", () => {
  it.each([
    [{ origin: "http://127.0.0.1:3250", "sec-fetch-site": "same-origin" }, true],
    [{}, true],
    [{ origin: "http://127.0.0.1:3250" }, true],
    [{ origin: "https://angreifer.example" }, false],
    [{ origin: "https://angreifer.example", "sec-fetch-site": "cross-site" }, false],
    [{ "sec-fetch-site": "cross-site" }, false],
    [{ "sec-fetch-site": "same-site", origin: "http://sub.127.0.0.1:3250" }, false],
    [{ origin: "null" }, false],
    [{ origin: "http://127.0.0.1:3250", "x-forwarded-host": "konzepte.stadt.example" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOriginRequest(req(headers))).toBe(expected);
  });
});
