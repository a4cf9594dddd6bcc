import { applySuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { doc, h, p, quote, table, text, ul } from "@/demo/tiptap";
import { newSuggestionId } from "@/lib/content/suggestion-ids";
import { listSuggestions, liveEditorSchema, liveNodeFromJson, withoutSuggestions } from "@/lib/content/suggestions";
import { validateLiveContent } from "@/lib/content/validate-content";
import { suggestChanges } from "./suggest-changes";

const TRAEGER = "33333333-3333-4333-8333-333333333333";

function acceptAll(node: ReturnType<typeof liveNodeFromJson>) {
  let result = node;
  applySuggestions(EditorState.create({ doc: node, schema: liveEditorSchema() }), (tr) => (result = tr.doc));
  return result;
}

const before = liveNodeFromJson(
  doc(
    h(2, "Ziele"),
    p("Die Welcome Points beraten Geflüchtete in ", text("drei", "bold"), " Stadtteilen."),
    ul("Erstberatung", "Begleitung zu Ämtern"),
    table(["Ort", "Zeit"], [["Nord", "Mo"]]),
    p("Dieser Absatz entfällt."),
  ),
);
const after = liveNodeFromJson(
  doc(
    h(2, "Ziele"),
    p("Die Welcome Points beraten Geflüchtete und Zugewanderte in ", text("vier", "bold"), " Stadtteilen."),
    ul("Erstberatung", "Begleitung zu Ämtern und Behörden", "Sprachkurse"),
    table(["Ort", "Zeit"], [["Süd", "Mo"]]),
    p("Ein neuer Absatz."),
    h(3, "Neu"),
  ),
);

describe("suggestChanges", () => {
  const suggested = suggestChanges(before, after, () => newSuggestionId(TRAEGER));

  it("leaves the text without suggestions as it was", () => {
    expect(withoutSuggestions(suggested).toJSON()).toEqual(before.toJSON());
  });

  it("turns into the new text when every suggestion is accepted", () => {
    expect(acceptAll(suggested).textContent).toBe(after.textContent);
  });

  it("is valid live content, every suggestion in the author's name", () => {
    expect(() => validateLiveContent(suggested.toJSON())).not.toThrow();
    const list = listSuggestions(suggested);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.every((s) => s.authorId === TRAEGER)).toBe(true);
    expect(list.map((s) => [s.kind, s.deletedText, s.insertedText])).toEqual([
      ["replacement", "in drei", "und Zugewanderte in vier"],
      ["insertion", "", "und Behörden"],
      ["insertion", "", "¶ Sprachkurse"],
      ["replacement", "Nord", "Süd"],
      ["replacement", "Dieser Absatz entfällt", "Ein neuer Absatz"],
      ["insertion", "", "¶ Neu"],
    ]);
  });

  const cases: [string, ReturnType<typeof doc>, ReturnType<typeof doc>][] = [
    ["a heading before everything", doc(p("Alt."), ul("Eins")), doc(h(2, "Neu"), p("Alt."), ul("Eins"))],
    ["a paragraph before everything", doc(p("Alt.")), doc(p("Neu."), p("Alt."))],
    ["a list before everything", doc(ul("Eins")), doc(p("Vorweg"), ul("Eins"))],
    ["a table at the end", doc(p("Alt.")), doc(p("Alt."), table(["A", "B"], [["1", "2"]]))],
    ["an empty text", doc(p()), doc(h(2, "Ziele"), ul("a", "b"))],
    ["a list item in the middle", doc(ul("Eins", "Drei")), doc(ul("Eins", "Zwei", "Drei"))],
    ["everything else", doc(h(2, "A"), p("B")), doc(quote("C"), table(["x"], [["y"]]))],
  ];
  for (const [name, from, to] of cases)
    it(`rejected, restores the text; accepted, gives the new one: ${name}`, () => {
      const a = liveNodeFromJson(from);
      const b = liveNodeFromJson(to);
      const s = suggestChanges(a, b, () => newSuggestionId(TRAEGER));
      expect(() => validateLiveContent(s.toJSON())).not.toThrow();
      expect(withoutSuggestions(s).toJSON()).toEqual(a.toJSON());
      expect(acceptAll(s).textContent.replace(/\u200B/g, "")).toBe(b.textContent);
    });

  it("changes nothing when the texts are equal", () => {
    expect(suggestChanges(before, before, () => newSuggestionId(TRAEGER)).eq(before)).toBe(true);
  });
});
