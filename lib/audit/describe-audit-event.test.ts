import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { AUDIT_SENTENCE_ACTIONS, describeAuditEvent, type Translate } from "./describe-audit-event";

const translator = (locale: "de" | "en") =>
  createTranslator({ locale, messages: locale === "de" ? de : en, timeZone: "Europe/Berlin" }) as unknown as Translate;
const ctx = {
  actor: "Lena Hoffmann",
  sectionTitles: new Map([["5b0c8a52-7c1f-4a63-9f45-3d1b2a8e6c11", "Angebote der Welcome Points"]]),
  organisationNames: new Map([
    ["0c4b6f3e-2a8d-4f7b-9c1e-5d6a7b8c9d01", "Amt für Migration und Integration"],
    ["1d5c7a4f-3b9e-4a8c-8d2f-6e7b8c9d0e12", "AWO Düsseldorf (illustrativ)"],
  ]),
};
const SECTION = "5b0c8a52-7c1f-4a63-9f45-3d1b2a8e6c11";

/** Every action string a service in lib/ writes into the audit trail together with a concept id. */
function conceptAuditActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const source = readFileSync(file, "utf8");
        for (const call of source.split("recordAuditEvent(").slice(1)) {
          const body = call.slice(0, call.indexOf("});"));
          if (!/conceptId/.test(body)) continue;
          for (const m of body.matchAll(/action:[^,\n]*?"([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]!);
          for (const m of body.matchAll(/\?\s*"([a-z_]+\.[a-z_]+)"\s*:\s*"([a-z_]+\.[a-z_]+)"/g)) {
            found.add(m[1]!);
            found.add(m[2]!);
          }
        }
      }
    }
  };
  walk(path.join(import.meta.dirname, ".."));
  return [...found].sort();
}

describe("audit events as sentences", () => {
  it("has a sentence for every action a concept's audit trail records", () => {
    const actions = conceptAuditActions();
    expect(actions.length).toBeGreaterThan(20);
    const known = new Set<string>(AUDIT_SENTENCE_ACTIONS);
    expect(actions.filter((a) => !known.has(a) && !a.startsWith("user.") && !a.startsWith("auth."))).toEqual([]);
  });

  it("fills every sentence in both languages, without a placeholder or a raw key left", () => {
    for (const locale of ["de", "en"] as const) {
      const t = translator(locale);
      for (const action of AUDIT_SENTENCE_ACTIONS) {
        const sentence = describeAuditEvent({ action, objectType: "section", objectId: SECTION, summary: {} }, ctx, t);
        expect(sentence, `${locale} ${action}`).not.toMatch(/[{}]|audit\.sentence/);
        expect(sentence.length, `${locale} ${action}`).toBeGreaterThan(10);
      }
    }
  });

  it("names the person, the step, the Fassung's hash and the section in the reader's language", () => {
    const de = translator("de");
    expect(
      describeAuditEvent(
        {
          action: "signoff.recorded",
          objectType: "signoff",
          objectId: null,
          summary: {
            round: 2,
            organisation: "AWO Düsseldorf (illustrativ)",
            decision: "zugestimmt",
            contentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
          },
        },
        ctx,
        de,
      ),
    ).toBe(
      "Lena Hoffmann hat für AWO Düsseldorf (illustrativ) mitgezeichnet: zugestimmt (Runde 2, SHA-256 9f86d081884c…).",
    );
    expect(
      describeAuditEvent(
        {
          action: "concept.status_changed",
          objectType: "concept",
          objectId: null,
          summary: { transition: "start_signoff", before: "ueberarbeitung", after: "mitzeichnung" },
        },
        ctx,
        de,
      ),
    ).toBe("Lena Hoffmann: Mitzeichnung starten – Status „Überarbeitung“ → „Mitzeichnung“.");
    expect(
      describeAuditEvent(
        {
          action: "section.owner_changed",
          objectType: "section",
          objectId: SECTION,
          summary: { from: "0c4b6f3e-2a8d-4f7b-9c1e-5d6a7b8c9d01", to: "1d5c7a4f-3b9e-4a8c-8d2f-6e7b8c9d0e12" },
        },
        ctx,
        translator("en"),
      ),
    ).toBe(
      "Lena Hoffmann handed “Angebote der Welcome Points” over from Amt für Migration und Integration to AWO Düsseldorf (illustrativ).",
    );
  });

  it("keeps an unknown action readable instead of hiding it", () => {
    expect(
      describeAuditEvent({ action: "x.y", objectType: "x", objectId: null, summary: {} }, ctx, translator("de")),
    ).toBe("Lena Hoffmann: x.y");
  });
});
