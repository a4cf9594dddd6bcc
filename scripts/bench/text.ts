/**
 * German prose for the benchmark data, built from the sentences of the demo concept (demo/welcome-points.ts),
 * and the tiptap JSON + plain text of a section in exactly the shape validateContent produces.
 */
import { SECTIONS } from "@/demo/welcome-points";
import { h, p, type Block } from "@/demo/tiptap";

type JsonNode = { type?: string; text?: string; content?: JsonNode[] };

function collectText(node: JsonNode, out: string[]) {
  if (node.type === "paragraph" || node.type === "heading") {
    const text = (node.content ?? []).map((c) => c.text ?? "").join("");
    if (text) out.push(text);
    return;
  }
  for (const child of node.content ?? []) collectText(child, out);
}

/** Every sentence of the demo sections (split at ". "), longer than a few words. */
export const SENTENCES: string[] = (() => {
  const paragraphs: string[] = [];
  for (const s of SECTIONS) collectText(s.content as JsonNode, paragraphs);
  const sentences = paragraphs
    .flatMap((para) => para.split(/(?<=[.!?:])\s+(?=[A-ZÄÖÜ„])/))
    .filter((s) => s.split(" ").length >= 5);
  return [...new Set(sentences)];
})();

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same text. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SectionBody = { heading: string | null; text: string }[];

/** A section of about `chars` characters: an h3 every eight paragraphs, paragraphs of two or three sentences. */
export function sectionBody(seed: number, chars: number): SectionBody {
  const rnd = random(seed);
  const blocks: SectionBody = [];
  let length = 0;
  let part = 0;
  while (length < chars) {
    if (blocks.length % 9 === 0) blocks.push({ heading: `Teil ${++part}`, text: "" });
    const n = 2 + Math.floor(rnd() * 2);
    const text = Array.from({ length: n }, () => SENTENCES[Math.floor(rnd() * SENTENCES.length)]!).join(" ");
    blocks.push({ heading: null, text });
    length += text.length + 1;
  }
  return blocks;
}

/**
 * Revision `k` of `total`: early revisions are shorter (the text grew over time) and each one reworded one
 * paragraph, so that any two revisions differ. The last revision is the full body unchanged.
 */
export function revisionBody(body: SectionBody, k: number, total: number): SectionBody {
  if (k === total) return body;
  const keep = Math.max(3, Math.ceil(body.length * (0.3 + (0.7 * k) / total)));
  const blocks = body.slice(0, keep).map((b) => ({ ...b }));
  const target = blocks.length - 1 - (k % Math.max(1, blocks.length - 1));
  const block = blocks[target]!;
  if (!block.heading) block.text = `${block.text} (Stand der Überarbeitung ${k}.)`;
  return blocks;
}

/** tiptap JSON and the plain text (one "\n" between blocks) — the same as validateContent returns for it. */
export function toContent(body: SectionBody): { content: { type: "doc"; content: Block[] }; text: string } {
  return {
    content: { type: "doc", content: body.map((b) => (b.heading ? h(3, b.heading) : p(b.text))) },
    text: body.map((b) => b.heading ?? b.text).join("\n"),
  };
}

const FIRST = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elif",
  "Felix",
  "Greta",
  "Hakan",
  "Ida",
  "Jan",
  "Katrin",
  "Lukas",
  "Mara",
  "Nils",
  "Olga",
  "Paul",
  "Rana",
  "Sven",
  "Tanja",
  "Uwe",
  "Vera",
  "Yusuf",
  "Zoe",
];
const LAST = [
  "Albers",
  "Brandt",
  "Corsten",
  "Dietz",
  "Engels",
  "Förster",
  "Gerlach",
  "Haas",
  "Imhoff",
  "Janssen",
  "Kessler",
  "Lorenz",
  "Marx",
  "Nowak",
  "Ostermann",
  "Pohl",
  "Quandt",
  "Reuter",
  "Stein",
  "Thiel",
];

/** Fictional names for the benchmark participants. */
export function personName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
}

const COMMENTS = [
  "Bitte konkretisieren: Welche Stadtbezirke sind hier gemeint?",
  "Aus Sicht unseres Trägers fehlt hier der Bezug zur Gemeinwesenarbeit im Quartier.",
  "Die Formulierung ist missverständlich; wir schlagen vor, die Familienzentren ausdrücklich zu nennen.",
  "Ist die Finanzierung über die Förderperiode hinaus gesichert? Bitte ergänzen.",
  "Zustimmung, der Absatz gibt die Ergebnisse der Evaluation zutreffend wieder.",
  "Hier sollten die Erfahrungen aus der Beratungspraxis einfließen.",
  "Wir bitten, die Zahlen mit dem Jugendamt abzustimmen, bevor der Abschnitt zur Abstimmung geht.",
  "Die Lotsenfunktion in die Regelangebote sollte als eigener Punkt aufgeführt werden.",
];

export function commentText(rnd: () => number): string {
  return COMMENTS[Math.floor(rnd() * COMMENTS.length)]!;
}
