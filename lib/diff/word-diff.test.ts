import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffText, summariseDiff, textOf, type DiffPart } from "./word-diff";

const kinds = (parts: DiffPart[]) => parts.map((p) => `${p.kind}:${p.text}`);

describe("word-level diff", () => {
  it("marks an inserted and a deleted word, keeping the rest common", () => {
    const parts = diffText("Die Welcome Points sind Anlaufstellen.", "Die Welcome Points sind offene Begegnungsorte.");
    expect(kinds(parts)).toEqual([
      "same:Die Welcome Points sind ",
      "del:Anlaufstellen",
      "ins:offene Begegnungsorte",
      "same:.",
    ]);
    expect(summariseDiff(parts)).toEqual({ insertions: 1, deletions: 1, changed: true });
  });

  it("shows a rewritten phrase as one deletion and one insertion, not word by word", () => {
    const parts = diffText(
      "Die Finanzierung der verstetigten Angebote wird mit der Kämmerei abgestimmt. (Entwurf, Zahlen folgen.)",
      "Die Finanzierung wird mit der Kämmerei abgestimmt: rund zwei Millionen Euro jährlich.",
    );
    expect(kinds(parts)).toEqual([
      "same:Die Finanzierung ",
      "del:der verstetigten Angebote ",
      "same:wird mit der Kämmerei abgestimmt",
      "del:. (Entwurf, Zahlen folgen.)",
      "ins:: rund zwei Millionen Euro jährlich.",
    ]);
  });

  it("handles umlauts and ß as parts of words", () => {
    const parts = diffText(
      "Prüfung der Anbindung an Familienzentren",
      "Prüfung der Anbindung an größere Familienzentren",
    );
    expect(kinds(parts)).toEqual(["same:Prüfung der Anbindung an ", "ins:größere ", "same:Familienzentren"]);
  });

  it("leaves unchanged paragraphs alone and diffs only the changed one", () => {
    const before = "Erster Absatz bleibt.\n\nZweiter Absatz alt.\n\nDritter Absatz bleibt.";
    const after = "Erster Absatz bleibt.\n\nZweiter Absatz neu.\n\nDritter Absatz bleibt.";
    expect(kinds(diffText(before, after))).toEqual([
      "same:Erster Absatz bleibt.\n\nZweiter Absatz ",
      "del:alt",
      "ins:neu",
      "same:.\n\nDritter Absatz bleibt.",
    ]);
  });

  it("shows added and removed paragraphs whole", () => {
    expect(kinds(diffText("A eins.\n\nC drei.", "A eins.\n\nB zwei.\n\nC drei."))).toEqual([
      "same:A eins.",
      "ins:\n\nB zwei.",
      "same:\n\nC drei.",
    ]);
    expect(kinds(diffText("A eins.\n\nB zwei.", "A eins."))).toEqual(["same:A eins.", "del:\n\nB zwei."]);
    expect(kinds(diffText("", "Neu."))).toEqual(["ins:Neu."]);
    expect(kinds(diffText("Alt.", ""))).toEqual(["del:Alt."]);
  });

  it("reports identical texts as unchanged", () => {
    const parts = diffText("Gleich.\n\nGleich.", "Gleich.\n\nGleich.");
    expect(summariseDiff(parts).changed).toBe(false);
    expect(diffText("", "")).toEqual([]);
  });

  it("always rebuilds both texts exactly from its parts (property)", () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9.,;:!?„“-]{1,8}$/);
    const paragraph = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(" "));
    const text = fc.array(paragraph, { maxLength: 6 }).map((ps) => ps.join("\n\n"));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffText(a, b);
        expect(textOf(parts, "before")).toBe(a);
        expect(textOf(parts, "after")).toBe(b);
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
      { numRuns: 400 },
    );
  });

  it("rebuilds arbitrary unicode texts too", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.string({ unit: "grapheme", maxLength: 80 }),
        (a, b) => {
          const parts = diffText(a, b);
          expect(textOf(parts, "before")).toBe(a);
          expect(textOf(parts, "after")).toBe(b);
        },
      ),
    );
  });

  it("diffs two 30-page texts with scattered edits in well under 50 ms", () => {
    const sentence = (i: number) =>
      `Satz ${i}: Die Welcome Points fördern Begegnung, Beratung und Teilhabe im Stadtteil.`;
    const paragraphs = Array.from({ length: 600 }, (_, i) => [0, 1, 2, 3].map((k) => sentence(i * 4 + k)).join(" "));
    const before = paragraphs.join("\n\n");
    const after = paragraphs.map((p, i) => (i % 40 === 0 ? p.replace("Beratung", "Lotsenfunktion") : p)).join("\n\n");
    expect(before.length).toBeGreaterThan(30 * 1800);
    diffText(before, after);
    const start = performance.now();
    const parts = diffText(before, after);
    const elapsed = performance.now() - start;
    expect(summariseDiff(parts).insertions).toBe(15);
    expect(elapsed).toBeLessThan(50);
  });

  it("falls back to delete-and-insert for a wholesale rewrite instead of taking forever", () => {
    const a = Array.from({ length: 4000 }, (_, i) => `alt${i}`).join(" ");
    const b = Array.from({ length: 4000 }, (_, i) => `neu${i}`).join(" ");
    const start = performance.now();
    const parts = diffText(a, b);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(textOf(parts, "before")).toBe(a);
    expect(textOf(parts, "after")).toBe(b);
  });
});
