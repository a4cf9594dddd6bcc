import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { newSuggestionId } from "@/lib/content/suggestion-ids";
import { validateLiveContent } from "@/lib/content/validate-content";
import { LIVE_FIELD, liveDocumentJson, seedLiveDocument } from "./live-content";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { checkLiveUpdate, liveTextJson } from "./validate-live-update";

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
  const fresh = new Y.Doc({ gc: false });
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(fresh, update);
  if ([...fresh.share.keys()].some((name) => name !== LIVE_FIELD)) return false;
  try {
    validateLiveContent(liveDocumentJson(fresh));
    return true;
  } catch {
    return false;
  }
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
        const client = new Y.Doc({ gc: false });
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
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
          // As Hocuspocus applies a checked update: with the connection as origin (the copy already holds it).
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

  it("notices a forbidden change deep inside a block it has already checked", () => {
    const server = seedLiveDocument(SEED);
    const client = new Y.Doc({ gc: false });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
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

  it("an update checked before a refusal replaced the copy still reaches the new copy when it is applied", () => {
    const server = seedLiveDocument(SEED);
    const client = new Y.Doc({ gc: false });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const change = (edit: () => void) => {
      const before = Y.encodeStateVector(client);
      client.transact(edit);
      return Y.encodeStateAsUpdate(client, before);
    };
    const fromConnection = { source: "connection", connection: {} };
    const firstText = () => (client.getXmlFragment(LIVE_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const first = change(() => firstText().insert(0, "Erstens "));
    expect(checkLiveUpdate(server, first, ANNA)).toBeNull();
    // Another connection's update is refused (the copy is dropped), a third one is checked on a new copy …
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
    // … and only then does the first update reach the document: the new copy must take it in.
    Y.applyUpdate(server, first, fromConnection);
    Y.applyUpdate(server, third, fromConnection);
    const following = change(() => firstText().insert(8, "und "));
    expect(checkLiveUpdate(server, following, ANNA)).toBeNull();
  });

  it("counts the 512 KB limit over the whole text, not per block", () => {
    const server = seedLiveDocument(SEED);
    const client = new Y.Doc({ gc: false });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
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
  });
});
