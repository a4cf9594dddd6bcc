import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { newSuggestionId } from "@/lib/content/suggestion-ids";
import { validateLiveContent } from "@/lib/content/validate-content";
import { LIVE_FIELD, liveDocumentJson, seedLiveDocument } from "./live-content";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { checkLiveUpdate, liveTextJson, passesQuickCheck, resetLiveCheck } from "./validate-live-update";

const ANNA = "11111111-1111-4111-8111-111111111111";
const BEN = "22222222-2222-4222-8222-222222222222";

const text = (value: string) => [{ type: "text", text: value }];
const paragraph = (value: string) => ({ type: "paragraph", content: text(value) });
const SEED = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: text("Ziele") },
    paragraph("Die Welcome Points beraten Geflüchtete in ihrer Sprache."),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [paragraph("Beratung vor Ort")] },
        { type: "listItem", content: [paragraph("Lotsendienste")] },
      ],
    },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableHeader", content: [paragraph("Standort")] },
            { type: "tableHeader", content: [paragraph("Träger")] },
          ],
        },
        {
          type: "tableRow",
          content: [
            { type: "tableCell", content: [paragraph("Mitte")] },
            { type: "tableCell", content: [paragraph("Beispielträger")] },
          ],
        },
      ],
    },
    paragraph("Die Verwaltung legt den Ausschüssen ein Konzept vor."),
  ],
};

/** The reference: the whole text of the document after the update, checked as every saved revision is. */
function wholeTextAccepts(server: Y.Doc, update: Uint8Array): boolean {
  const fresh = editorOf(server);
  Y.applyUpdate(fresh, update);
  // Built on something the server does not have (a change of the sender's that was refused): cannot be applied.
  if (fresh.store.pendingStructs !== null || fresh.store.pendingDs !== null) return false;
  if ([...fresh.share.keys()].some((name) => name !== LIVE_FIELD)) return false;
  try {
    validateLiveContent(liveDocumentJson(fresh));
    return true;
  } catch {
    return false;
  }
}

/** An editor's copy of the server's text, as it has it after connecting. */
function editorOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc({ gc: false });
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

/** What an editor sends for a change: the updates of that change, as its provider does (null for no change). */
function sentFor(client: Y.Doc, change: () => void): Uint8Array | null {
  const sent: Uint8Array[] = [];
  const collect = (u: Uint8Array) => sent.push(u);
  client.on("update", collect);
  change();
  client.off("update", collect);
  return sent.length ? Y.mergeUpdates(sent) : null;
}

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function typesIn(fragment: Y.XmlFragment) {
  const texts: Y.XmlText[] = [];
  const elements: Y.XmlElement[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) {
        elements.push(child);
        walk(child);
      }
    }
  };
  walk(fragment);
  return { texts, elements };
}

/** One random change as a client could send it: mostly what an editor does, often what only an attacker does. */
function randomChange(client: Y.Doc, next: () => number) {
  const fragment = client.getXmlFragment(LIVE_FIELD);
  const { texts, elements } = typesIn(fragment);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const target = pick(texts);
  const at = target ? Math.floor(next() * (target.length + 1)) : 0;
  const choice = Math.floor(next() * 21);
  client.transact(() => {
    switch (choice) {
      case 0:
      case 1:
      case 2:
        target?.insert(at, "Wort ");
        break;
      case 3:
        if (target && target.length > 2) target.delete(Math.min(at, target.length - 2), 2);
        break;
      case 4:
        target?.format(0, Math.max(1, target.length), { bold: {} });
        break;
      case 5:
        target?.format(0, Math.max(1, target.length), {
          link: { href: next() < 0.5 ? "javascript:alert(1)" : "https://example.org" },
        });
        break;
      case 6:
        target?.format(0, Math.max(1, target.length), {
          insertion: { id: newSuggestionId(next() < 0.5 ? ANNA : BEN) },
        });
        break;
      case 7: {
        const element = pick(elements);
        if (element?.nodeName === "heading") element.setAttribute("level", String(Math.floor(next() * 5) + 1));
        else element?.setAttribute("colspan", next() < 0.5 ? "x" : "1");
        break;
      }
      case 8: {
        const block = new Y.XmlElement(next() < 0.7 ? "paragraph" : "script");
        block.insert(0, [new Y.XmlText("Neuer Absatz")]);
        fragment.insert(Math.floor(next() * (fragment.length + 1)), [block]);
        break;
      }
      case 9: {
        const element = pick(elements.filter((e) => e.nodeName === "paragraph"));
        const inner = new Y.XmlElement("paragraph");
        inner.insert(0, [new Y.XmlText("verschachtelt")]);
        element?.insert(0, [inner]);
        break;
      }
      case 10:
        if (fragment.length > 0) fragment.delete(Math.floor(next() * fragment.length), 1);
        break;
      case 11:
        target?.insert(at, "x".repeat(200_000));
        break;
      case 12:
        target?.insert(at, "\u0000");
        break;
      case 13:
        // Formatting taken off again, partly overlapping what is there.
        if (target && target.length > 1) target.format(0, Math.ceil(target.length / 2), { bold: null });
        break;
      case 14:
        // The name y-prosemirror gives a mark that may overlap itself.
        target?.format(0, Math.max(1, target.length), { "link--abcdEF12": { href: "https://example.org/a" } });
        break;
      case 15:
        target?.insertEmbed(at, { image: "x" });
        break;
      case 17:
        // Halves of a surrogate pair, alone or next to existing text.
        target?.insert(at, next() < 0.5 ? "\ud83d" : "\ude00");
        break;
      case 18:
        target?.insert(at, 'Grüße 😀 "zitiert" \\ \u0001');
        break;
      case 19:
        // Typing into a text after a format that ends right here (a run of its own).
        if (target && target.length > 3) {
          target.format(1, 2, { italic: {} });
          target.insert(3, "k");
        }
        break;
      case 16:
        target?.format(0, Math.max(1, target.length), { ychange: { type: "added" } });
        break;
      default:
        fragment.insert(fragment.length, [new Y.XmlText("Text ohne Absatz")]);
    }
  });
}

describe("checking live updates block by block", () => {
  it("accepts and refuses exactly what the whole-text check accepts and refuses", () => {
    const next = random(20261207);
    let accepted = 0;
    let refused = 0;
    for (let round = 0; round < 3; round++) {
      const server = seedLiveDocument(SEED);
      for (let step = 0; step < 150; step++) {
        const client = editorOf(server);
        const before = Y.encodeStateVector(client);
        randomChange(client, next);
        // The check reads the text as y-prosemirror does, whatever a client sent.
        expect(liveTextJson(client)).toEqual(yXmlFragmentToProsemirrorJSON(client.getXmlFragment(LIVE_FIELD)));
        const update = Y.encodeStateAsUpdate(client, before);
        const expected = wholeTextAccepts(server, update);
        const problem = checkLiveUpdate(server, update, ANNA);
        // A writer's new suggestion in Ben's name is refused by the author check, which the whole-text check lacks.
        const claimsBen = problem?.messageKey === "appError.suggestion.notOwnSuggestion";
        if (claimsBen) {
          expect(expected).toBe(true);
          refused++;
          continue;
        }
        expect({ step, round, accepted: problem === null }).toEqual({ step, round, accepted: expected });
        if (problem === null) {
          // As Hocuspocus applies a checked update: with the connection as origin, or from the server itself.
          Y.applyUpdate(server, update, next() < 0.5 ? { source: "connection", connection: {} } : null);
          accepted++;
        } else refused++;
        client.destroy();
      }
      // Whatever was accepted leaves a text that passes the whole check.
      expect(() => validateLiveContent(liveDocumentJson(server))).not.toThrow();
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it("accepts on its quick path only what the whole-text check accepts, with editors typing at once", () => {
    const next = random(20261208);
    let quickTyping = 0;
    let quickDeletes = 0;
    for (let round = 0; round < 3; round++) {
      const server = seedLiveDocument(SEED);
      // Three editors who see each other's changes late: their typing lands between items the server already has.
      const clients = [0, 1, 2].map(() => editorOf(server));
      for (let step = 0; step < 200; step++) {
        const client = clients[Math.floor(next() * clients.length)]!;
        if (next() < 0.3) Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
        // What the editor sends: the updates of its own change, as its provider does.
        const update = sentFor(client, () => {
          const texts = typesIn(client.getXmlFragment(LIVE_FIELD)).texts.filter((t) => t.length > 0);
          const target = texts[Math.floor(next() * texts.length)];
          const choice = next();
          // Mostly typing and deleting near the same places (the ends of texts and their middles), sometimes anything.
          if (target && choice < 0.45) target.insert(next() < 0.5 ? target.length : Math.floor(target.length / 2), "k");
          else if (target && choice < 0.6 && target.length > 1)
            target.delete(Math.floor(next() * (target.length - 1)), 1);
          else if (target && choice < 0.65) target.insert(Math.floor(next() * target.length), "\ud83d\ude00 ö");
          else randomChange(client, next);
        });
        if (update === null) continue;
        const expected = wholeTextAccepts(server, update);
        if (passesQuickCheck(server, update)) {
          expect({ step, round, accepted: expected }).toEqual({ step, round, accepted: true });
          if (Y.decodeUpdate(update).structs.length > 0) quickTyping++;
          else quickDeletes++;
        }
        const problem = checkLiveUpdate(server, update, ANNA);
        if (problem?.messageKey !== "appError.suggestion.notOwnSuggestion")
          expect({ step, round, accepted: problem === null }).toEqual({ step, round, accepted: expected });
        if (problem === null) Y.applyUpdate(server, update, { source: "connection", connection: {} });
        else {
          // A refused editor starts again from the server's text, as the editor does after a refusal.
          const index = clients.indexOf(client);
          client.destroy();
          clients[index] = editorOf(server);
        }
      }
      expect(() => validateLiveContent(liveDocumentJson(server))).not.toThrow();
      // Every editor's text converges with the server's once they have all of it.
      for (const client of clients) {
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
        client.destroy();
      }
    }
    // The quick path was taken often, for typing and for deleting: the test proves something about it.
    expect(quickTyping).toBeGreaterThan(150);
    expect(quickDeletes).toBeGreaterThan(20);
  });

  it("reads properly what only looks like typing: a character or a deletion next to a hidden format", () => {
    // An attacker's hand-made items (no editor sends these): a link with a forbidden target around nothing, which
    // shows in no text and so passes; then a character typed inside it, or the link's end deleted.
    const setUp = () => {
      const server = seedLiveDocument(SEED);
      const client = editorOf(server);
      const text = (client.getXmlFragment(LIVE_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      const first = (text as unknown as { _start: Y.Item })._start;
      const own = () => Y.createID(client.clientID, Y.getState(client.store, client.clientID));
      const item = (
        left: Y.Item,
        right: Y.Item | null,
        content: Y.ContentFormat | Y.ContentString,
        tr: Y.Transaction,
      ) => {
        const created = new Y.Item(own(), left, left.lastId, right, right?.id ?? null, text, null, content);
        created.integrate(tr, 0);
        return created;
      };
      const send = (change: (tr: Y.Transaction) => void) => {
        const before = Y.encodeStateVector(client);
        Y.transact(client, change);
        const update = Y.encodeStateAsUpdate(client, before);
        const problem = checkLiveUpdate(server, update, ANNA);
        if (!problem) Y.applyUpdate(server, update, { source: "connection", connection: {} });
        return problem;
      };
      let start!: Y.Item;
      let end!: Y.Item;
      // The hidden link sits right after the first character.
      const hidden = send((tr) => {
        const rest = Y.getItemCleanStart(tr, Y.createID(first.id.client, first.id.clock + 1));
        start = item(rest.left!, rest, new Y.ContentFormat("link", { href: "javascript:alert(1)" }), tr);
        end = item(start, rest, new Y.ContentFormat("link", null as unknown as object), tr);
      });
      return { server, send, item, start, end, hidden };
    };
    const typed = setUp();
    expect(typed.hidden).toBeNull();
    expect(
      typed.send((tr) => {
        typed.item(typed.start, typed.end, new Y.ContentString("k"), tr);
      })?.messageKey,
    ).toBe("appError.content.linkScheme");
    expect(() => validateLiveContent(liveDocumentJson(typed.server))).not.toThrow();

    const deleted = setUp();
    expect(deleted.hidden).toBeNull();
    expect(deleted.send((tr) => deleted.end.delete(tr))?.messageKey).toBe("appError.content.linkScheme");
    expect(() => validateLiveContent(liveDocumentJson(deleted.server))).not.toThrow();
  });

  it("does not refuse a text near 512 KB that is rewritten piece by piece (deleting and typing)", () => {
    const server = seedLiveDocument({ type: "doc", content: [paragraph("a".repeat(450_000)), paragraph("Ende")] });
    const client = editorOf(server);
    const first = () => (client.getXmlFragment(LIVE_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const second = () => (client.getXmlFragment(LIVE_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const send = (change: () => void) => {
      const update = sentFor(client, change)!;
      const problem = checkLiveUpdate(server, update, ANNA);
      expect({ accepted: problem === null }).toEqual({ accepted: wholeTextAccepts(server, update) });
      if (!problem) Y.applyUpdate(server, update, { source: "connection", connection: {} });
      return problem;
    };
    // Six times 60,000 characters out of the first paragraph and 60,000 in, and a word typed into the second one:
    // 810,000 characters typed in all, the text never over 451 KB.
    for (let round = 0; round < 6; round++) {
      expect(send(() => first().delete(0, 60_000))).toBeNull();
      for (let i = 0; i < 6; i++) expect(send(() => first().insert(first().length, "b".repeat(10_000)))).toBeNull();
      expect(send(() => second().insert(second().length, " Wort"))).toBeNull();
    }
    // Past the limit it is still refused.
    expect(send(() => first().insert(first().length, "c".repeat(80_000)))?.messageKey).toBe(
      "appError.content.tooLarge",
    );
    expect(() => validateLiveContent(liveDocumentJson(server))).not.toThrow();
  });

  it("after a connection is stopped between check and apply, a suggestion it brought cannot be claimed by another", () => {
    const server = seedLiveDocument(SEED);
    const id = newSuggestionId(ANNA);
    const suggest = (client: Y.Doc) =>
      sentFor(client, () => {
        const text = (client.getXmlFragment(LIVE_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
        text.format(0, 3, { insertion: { id } });
      })!;
    // Anna's own suggestion passes the check, but her connection is made read-only before it is applied (a freeze).
    expect(checkLiveUpdate(server, suggest(editorOf(server)), ANNA)).toBeNull();
    resetLiveCheck(server);
    // Ben may not bring in the same suggestion in Anna's name: it is not in the text.
    expect(checkLiveUpdate(server, suggest(editorOf(server)), BEN)?.messageKey).toBe(
      "appError.suggestion.notOwnSuggestion",
    );
  });

  it("notices a forbidden change deep inside a block it has already checked", () => {
    const server = seedLiveDocument(SEED);
    const client = editorOf(server);
    const send = (change: () => void) => {
      const before = Y.encodeStateVector(client);
      client.transact(change);
      return checkLiveUpdate(server, Y.encodeStateAsUpdate(client, before), ANNA);
    };
    const table = client.getXmlFragment(LIVE_FIELD).get(3) as Y.XmlElement;
    const cellText = () =>
      (((table.get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // First a harmless change in the table, so the check remembers it; then a bad link in the same cell.
    expect(send(() => cellText().insert(0, "Stadt"))).toBeNull();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(send(() => cellText().format(0, 3, { link: { href: "javascript:alert(1)" } }))?.messageKey).toBe(
      "appError.content.linkScheme",
    );
  });

  it("an update checked before another one was refused is still taken in when it is applied later", () => {
    const server = seedLiveDocument(SEED);
    const client = editorOf(server);
    const change = (edit: () => void) => {
      const before = Y.encodeStateVector(client);
      client.transact(edit);
      return Y.encodeStateAsUpdate(client, before);
    };
    const fromConnection = { source: "connection", connection: {} };
    const firstText = () => (client.getXmlFragment(LIVE_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const first = change(() => firstText().insert(0, "Erstens "));
    expect(checkLiveUpdate(server, first, ANNA)).toBeNull();
    // Another connection's update is refused, a third one is checked …
    const hostile = new Y.Doc();
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(server));
    const hostileBefore = Y.encodeStateVector(hostile);
    hostile.getXmlFragment(LIVE_FIELD).insert(0, [new Y.XmlElement("script")]);
    expect(checkLiveUpdate(server, Y.encodeStateAsUpdate(hostile, hostileBefore), BEN)).not.toBeNull();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(other);
    ((other.getXmlFragment(LIVE_FIELD).get(4) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Dazu ");
    const third = Y.encodeStateAsUpdate(other, before);
    expect(checkLiveUpdate(server, third, BEN)).toBeNull();
    // … and only then does the first update reach the document: the check must take it in.
    Y.applyUpdate(server, first, fromConnection);
    Y.applyUpdate(server, third, fromConnection);
    const following = change(() => firstText().insert(8, "und "));
    expect(checkLiveUpdate(server, following, ANNA)).toBeNull();
  });

  it("counts the 512 KB limit over the whole text, not per block", () => {
    const server = seedLiveDocument(SEED);
    const client = editorOf(server);
    const paragraphText = (index: number) =>
      (client.getXmlFragment(LIVE_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
    const send = (change: () => void) => {
      const before = Y.encodeStateVector(client);
      client.transact(change);
      const update = Y.encodeStateAsUpdate(client, before);
      const problem = checkLiveUpdate(server, update, ANNA);
      if (!problem) Y.applyUpdate(server, update);
      return problem;
    };
    expect(send(() => paragraphText(1).insert(0, "a".repeat(300_000)))).toBeNull();
    expect(send(() => paragraphText(4).insert(0, "b".repeat(300_000)))?.messageKey).toBe("appError.content.tooLarge");
    // Typed at the end of a text (what the quick path takes) it is counted too, whether at once or bit by bit.
    client.destroy();
    const fresh = editorOf(server);
    const lastText = () => (fresh.getXmlFragment(LIVE_FIELD).get(4) as Y.XmlElement).get(0) as Y.XmlText;
    const atOnce = editorOf(server);
    const atOnceBefore = Y.encodeStateVector(atOnce);
    const atOnceText = (atOnce.getXmlFragment(LIVE_FIELD).get(4) as Y.XmlElement).get(0) as Y.XmlText;
    atOnceText.insert(atOnceText.length, "c".repeat(300_000));
    expect(checkLiveUpdate(server, Y.encodeStateAsUpdate(atOnce, atOnceBefore), ANNA)?.messageKey).toBe(
      "appError.content.tooLarge",
    );
    let refusedAt = -1;
    for (let i = 0; i < 30 && refusedAt < 0; i++) {
      const text = lastText();
      const before = Y.encodeStateVector(fresh);
      text.insert(text.length, "d".repeat(10_000));
      const update = Y.encodeStateAsUpdate(fresh, before);
      const problem = checkLiveUpdate(server, update, ANNA);
      expect({ i, accepted: problem === null }).toEqual({ i, accepted: wholeTextAccepts(server, update) });
      if (problem) refusedAt = i;
      else Y.applyUpdate(server, update, { source: "connection", connection: {} });
    }
    // 300,000 + 22 × 10,000 bytes and the rest of the text fit in 512 KB; the next 10,000 do not.
    expect(refusedAt).toBe(22);
    expect(() => validateLiveContent(liveDocumentJson(server))).not.toThrow();
  });
});
