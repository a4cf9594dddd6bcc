import { describe, expect, it } from "vitest";
import { redactOneTimeLinks } from "./redact";
import { MAX_ATTEMPTS, MAX_RETRY_MS, isFinalFailure, retryDelayMs } from "./retry-policy";

describe("outbox retry policy", () => {
  it("doubles the delay from one minute and caps it at an hour", () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(2)).toBe(120_000);
    expect(retryDelayMs(5)).toBe(16 * 60_000);
    expect(retryDelayMs(30)).toBe(MAX_RETRY_MS);
  });
  it("gives up after the last attempt only", () => {
    expect(isFinalFailure(MAX_ATTEMPTS - 1)).toBe(false);
    expect(isFinalFailure(MAX_ATTEMPTS)).toBe(true);
  });
});

describe("redacting one-time links", () => {
  it("removes the token and keeps the rest of the mail", () => {
    const text =
      "Bitte öffnen Sie http://127.0.0.1:3310/zugang/AbC_dEf-1234567890xyzXYZ012345678 innerhalb von 7 Tagen.";
    expect(redactOneTimeLinks(text)).toBe(
      "Bitte öffnen Sie http://127.0.0.1:3310/zugang/[entfernt] innerhalb von 7 Tagen.",
    );
  });
  it("leaves mails without a link alone", () => {
    expect(redactOneTimeLinks("Guten Tag, /zugang/ ist die Seite.")).toBe("Guten Tag, /zugang/ ist die Seite.");
  });
});
