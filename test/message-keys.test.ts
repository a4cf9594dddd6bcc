import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMessageKey } from "@/i18n/message";

/**
 * Errors speak the reader's language only if every refusal is a catalogue key, never a sentence. This reads the
 * source: each message argument of AppError, forbidden(), fieldError(), each message given to a zod check, and
 * each catalogue-looking string must be a key (a.b.c) present in messages/de.json and messages/en.json.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const KEY_SHAPE = /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/;
/** Files whose German text is document content or the operator's, not a refusal shown in the UI. */
const CONTENT = [
  "lib/export/",
  "lib/planning/calendar-feed.ts",
  "lib/planning/holidays-nrw.ts",
  "lib/oparl/",
  "lib/health/",
  "lib/audit/verify-audit-chain.ts",
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(rel, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The top-level arguments of the call whose "(" is at `open`, as source text. */
function callArguments(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | null = null;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return args.filter(Boolean);
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

const literals = (expression: string) =>
  [...expression.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2]!);

/** A message argument is fine when every string in it is a key (constants are checked where they are defined). */
function badMessages(expression: string | undefined): string[] {
  if (!expression) return [];
  return literals(expression).filter((text) =>
    text.includes("${") ? /\s/.test(text) || !/^[a-zA-Z]+\./.test(text) : !isMessageKey(text),
  );
}

type Finding = { at: string; text: string };

function scan(): { findings: Finding[]; calls: number; keys: number } {
  const findings: Finding[] = [];
  let calls = 0;
  let keys = 0;
  for (const file of ["lib", "app", "i18n"].flatMap((d) => sourceFiles(d))) {
    const src = readFileSync(path.join(ROOT, file), "utf8");
    const at = (index: number) => `${file}:${src.slice(0, index).split("\n").length}`;
    const content = CONTENT.some((prefix) => file.startsWith(prefix));
    const checks: [RegExp, (args: string[]) => (string | undefined)[]][] = [
      [/new AppError\(/g, (a) => [a[1]]],
      [/\bforbidden\(/g, (a) => [a[0]]],
      [/\bfieldError\(/g, (a) => [a[1]]],
    ];
    if (!content)
      checks.push(
        // zod: .min(1, "…"), .max(…), .regex(…, "…"), z.uuid("…"), z.enum([…], "…"), ZRequiredUuid("…"), ZIsoDate("…")
        [/\.(min|max|length|regex|int|uuid|email|enum|string|number|refine|datetime)\(/g, (a) => [a.at(-1)]],
        [/\b(ZRequiredUuid|ZIsoDate)\(/g, (a) => [a[0]]],
      );
    for (const [pattern, pick] of checks) {
      for (const match of src.matchAll(pattern)) {
        const open = match.index + match[0].length - 1;
        calls++;
        for (const expression of pick(callArguments(src, open)))
          for (const text of badMessages(/^[/{]/.test(expression ?? "") ? undefined : expression))
            if (!/^[a-z_]+$/.test(text) && !/^[\w.-]*\$\{/.test(text)) findings.push({ at: at(match.index), text });
      }
    }
    // Action success messages, zod's `message:` / `error:`, and every string that looks like a catalogue key.
    for (const match of src.matchAll(/\bsuccess:\s*("(?:[^"\\]|\\.)*")/g))
      if (!isMessageKey(JSON.parse(match[1]!))) findings.push({ at: at(match.index), text: JSON.parse(match[1]!) });
    for (const match of src.matchAll(/\b(message|error):\s*("(?:[^"\\]|\\.)*")/g))
      if (!content && !isMessageKey(JSON.parse(match[2]!)) && !JSON.parse(match[2]!).startsWith("/"))
        findings.push({ at: at(match.index), text: JSON.parse(match[2]!) as string });
    for (const match of src.matchAll(/"((?:appError|feedback)\.[^"]*)"/g)) {
      keys++;
      if (!isMessageKey(match[1])) findings.push({ at: at(match.index), text: match[1]! });
    }
  }
  return { findings, calls, keys };
}

describe("error and feedback messages are catalogue keys", () => {
  it("recognises a key and refuses a sentence", () => {
    expect(isMessageKey("appError.common.notFound")).toBe(true);
    expect(isMessageKey("Nicht gefunden oder kein Zugriff.")).toBe(false);
    expect(isMessageKey("appError.common.noSuchKey")).toBe(false);
    expect(isMessageKey("appError.common")).toBe(false);
    expect(KEY_SHAPE.test("appError.section.stale")).toBe(true);
    expect(badMessages('"Dieser Abschnitt ist bereits entfernt."')).toEqual(["Dieser Abschnitt ist bereits entfernt."]);
    expect(badMessages('x ? "appError.section.alreadyFirst" : "appError.section.alreadyLast"')).toEqual([]);
    expect(badMessages("`Fassung Nr. ${n} gibt es nicht.`")).toHaveLength(1);
  });

  it("passes only keys that exist in both catalogues, everywhere in the source", () => {
    const { findings, calls, keys } = scan();
    expect(calls).toBeGreaterThan(300);
    expect(keys).toBeGreaterThan(250);
    expect(findings.map((f) => `${f.at}: ${f.text}`)).toEqual([]);
  });
});
