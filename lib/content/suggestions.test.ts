import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { newSuggestionId } from "./suggestion-ids";
import {
  acceptSuggestion,
  listSuggestions,
  liveEditorSchema,
  liveNodeFromJson,
  rejectSuggestion,
  suggestOnlyRefusal,
  withoutSuggestions,
} from "./suggestions";

const ANNA = "11111111-1111-4111-8111-111111111111";
const BEN = "22222222-2222-4222-8222-222222222222";

const doc = () =>
  liveNodeFromJson({
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Ziele" }] },
      { type: "paragraph", content: [{ type: "text", text: "Die Welcome Points beraten Geflüchtete." }] },
    ],
  });

/** What the editor does in suggesting mode: the user's transaction, turned into suggestions. */
function suggest(base: ReturnType<typeof doc>, userId: string, edit: (state: EditorState) => EditorState["tr"]) {
  const state = EditorState.create({ doc: base, schema: liveEditorSchema() });
  const tracked = transformToSuggestionTransaction(edit(state), state, () => newSuggestionId(userId));
  return tracked.doc;
}

const findText = (node: ReturnType<typeof doc>, text: string) => {
  let at = -1;
  node.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text!.includes(text)) at = pos + n.text!.indexOf(text);
  });
  return at;
};

describe("suggestions in the live text", () => {
  it("turns a replacement into one suggestion with before and after, and leaves it out of the revision text", () => {
    const base = doc();
    const from = findText(base, "beraten");
    const after = suggest(base, ANNA, (s) =>
      s.tr.setSelection(TextSelection.create(s.doc, from, from + 7)).insertText("begleiten"),
    );
    const [only, ...rest] = listSuggestions(after);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      authorId: ANNA,
      kind: "replacement",
      deletedText: "beraten",
      insertedText: "begleiten",
    });
    expect(only!.context).toBe("Die Welcome Points beraten Geflüchtete.");
    expect(withoutSuggestions(after).eq(base)).toBe(true);
    expect(acceptSuggestion(after, only!.id).textContent).toBe("ZieleDie Welcome Points begleiten Geflüchtete.");
    expect(rejectSuggestion(after, only!.id).eq(base)).toBe(true);
    expect(suggestOnlyRefusal(base, after, ANNA)).toBeNull();
  });

  it("refuses a suggest-only change that edits the text itself or someone else's suggestion", () => {
    const base = doc();
    const at = findText(base, "Geflüchtete");
    const direct = EditorState.create({ doc: base }).tr.insertText("alle ", at).doc;
    expect(suggestOnlyRefusal(base, direct, ANNA)).toBe("textChanged");

    const annas = suggest(base, ANNA, (s) => s.tr.insertText("alle ", at));
    expect(suggestOnlyRefusal(base, annas, ANNA)).toBeNull();
    // Ben withdraws Anna's suggestion: not his to withdraw.
    const [annasSuggestion] = listSuggestions(annas);
    expect(suggestOnlyRefusal(annas, rejectSuggestion(annas, annasSuggestion!.id), BEN)).toBe("othersSuggestion");
    // Anna may withdraw her own.
    expect(suggestOnlyRefusal(annas, rejectSuggestion(annas, annasSuggestion!.id), ANNA)).toBeNull();
    // A suggestion that claims to be Anna's but comes from Ben's connection.
    expect(suggestOnlyRefusal(base, annas, BEN)).toBe("othersSuggestion");
  });

  it("keeps a suggested new paragraph as a block suggestion that a rejection removes", () => {
    const base = doc();
    const end = base.content.size - 1;
    const after = suggest(base, BEN, (s) =>
      s.tr.setSelection(TextSelection.create(s.doc, end)).split(end).insertText("Neu."),
    );
    const list = listSuggestions(after);
    expect(list.every((s) => s.authorId === BEN)).toBe(true);
    expect(list.map((s) => s.insertedText).join(" ")).toContain("Neu.");
    expect(withoutSuggestions(after).eq(base)).toBe(true);
    expect(liveNodeFromJson(after.toJSON()).eq(after)).toBe(true);
  });
});
