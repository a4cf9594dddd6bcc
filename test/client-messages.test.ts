import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CHROME_NAMESPACES } from "@/i18n/client-messages";
import de from "@/messages/de.json";
import {
  type Provided,
  ROOT,
  needs,
  newAnalysis,
  parseFile,
  providedToChildren,
  relative,
  wrapsOf,
} from "./client-messages-graph";

/**
 * The root layout sends the client only the chrome's messages; each page sends what its client components need
 * with <ClientMessages namespaces={[…]}>. A namespace missing there is no build error: production logs
 * MISSING_MESSAGE and shows the key. This walks the import graph from every route file and fails instead.
 */

const ROUTE_FILE = /^(page|layout|error|not-found|loading|template|default)\.(tsx|ts|jsx|js)$/;

function walk(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

const appDir = path.join(ROOT, "app");
const routeFiles = walk(appDir, (name) => ROUTE_FILE.test(name)).sort();
const layoutOf = (dir: string) => fs.readdirSync(dir).find((name) => /^layout\.(tsx|ts|jsx|js)$/.test(name));
const catalogue = de as Record<string, unknown>;
const hasMessagePath = (namespace: string) =>
  namespace
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      catalogue,
    ) !== undefined;

function analyse() {
  const analysis = newAnalysis(CHROME_NAMESPACES);
  const rootLayout = path.join(appDir, "layout.tsx");
  const chrome: Provided = { namespaces: new Set(CHROME_NAMESPACES), wraps: [] };
  // What the provider around a directory's route files holds: the root layout's chrome, or a layout's wrap.
  const providedIn = new Map<string, Provided>();
  const provided = (dir: string): Provided => {
    const known = providedIn.get(dir);
    if (known) return known;
    const layout = layoutOf(dir);
    let result: Provided;
    if (dir === appDir) result = chrome;
    else
      result = layout
        ? providedToChildren(analysis, path.join(dir, layout), provided(path.dirname(dir)))
        : provided(path.dirname(dir));
    providedIn.set(dir, result);
    return result;
  };
  const missing: string[] = [];
  const neededOutsideWraps = new Set<string>();
  for (const file of routeFiles) {
    const dir = path.dirname(file);
    const isLayout = /^layout\./.test(path.basename(file));
    const around = file === rootLayout ? chrome : provided(isLayout ? path.dirname(dir) : dir);
    for (const [ns, by] of needs(analysis, file)) {
      if (!around.namespaces.has(ns))
        missing.push(
          `${relative(file)}: "${ns}" (needed by ${by}) reaches the client neither through the chrome nor a <ClientMessages>`,
        );
      if (!around.wraps.length) neededOutsideWraps.add(ns);
      for (const wrap of around.wraps)
        analysis.wrapUsage.set(wrap, new Set([...(analysis.wrapUsage.get(wrap) ?? []), ns]));
    }
  }
  return { analysis, missing, neededOutsideWraps };
}

const { analysis, missing, neededOutsideWraps } = analyse();

describe("messages sent to the client", () => {
  it("finds the route files and the client components", () => {
    expect(routeFiles.map(relative)).toContain("app/layout.tsx");
    expect(routeFiles.filter((f) => f.endsWith("page.tsx")).length).toBeGreaterThan(30);
    // A "use client" file with translations that no route reaches means the walk missed an import.
    const clientFiles = ["app", "components"].flatMap((d) =>
      walk(path.join(ROOT, d), (name) => /\.(tsx|ts)$/.test(name) && !name.endsWith(".test.ts")),
    );
    const translatedClientFiles = clientFiles.filter((f) => parseFile(f).isClient && parseFile(f).namespaces.size > 0);
    expect(translatedClientFiles.length).toBeGreaterThan(30);
    expect(translatedClientFiles.filter((f) => !analysis.clientFiles.has(f)).map(relative)).toEqual([]);
  });

  it("client code asks for literal namespaces only, through useTranslations", () => {
    expect([...analysis.problems]).toEqual([]);
  });

  it("every namespace a route's client components need is sent to them", () => {
    expect(missing).toEqual([]);
  });

  it("every namespace used in client code exists in messages/de.json", () => {
    const used = [...analysis.clientFiles].flatMap((f) =>
      [...parseFile(f).namespaces].map((ns) => `${relative(f)}: ${ns}`),
    );
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((entry) => !hasMessagePath(entry.split(": ")[1]!))).toEqual([]);
  });

  it("the chrome's namespaces exist and are needed outside any <ClientMessages>", () => {
    expect(CHROME_NAMESPACES.filter((ns) => !(ns in catalogue))).toEqual([]);
    expect(CHROME_NAMESPACES.filter((ns) => !neededOutsideWraps.has(ns))).toEqual([]);
  });

  it("each <ClientMessages> lists existing namespaces, each needed inside it and not already in the chrome", () => {
    const wraps = [...analysis.serverFiles].flatMap((f) => wrapsOf(f));
    expect(wraps.length).toBeGreaterThan(10);
    const wrong = wraps.flatMap(({ wrap, at }) => {
      const used = analysis.wrapUsage.get(wrap) ?? new Set<string>();
      return wrap.namespaces.flatMap((ns, i) => {
        if (!(ns in catalogue)) return [`${at}: "${ns}" is no namespace of messages/de.json`];
        if ((CHROME_NAMESPACES as readonly string[]).includes(ns)) return [`${at}: "${ns}" is in the chrome already`];
        if (wrap.namespaces.indexOf(ns) !== i) return [`${at}: "${ns}" twice`];
        if (!used.has(ns)) return [`${at}: "${ns}" is not needed by any client component inside`];
        return [];
      });
    });
    expect(wrong).toEqual([]);
  });

  it("only the root layout and ClientMessages render NextIntlClientProvider, always with picked messages", () => {
    const files = ["app", "components", "lib"].flatMap((d) =>
      walk(path.join(ROOT, d), (name) => /\.(tsx|ts)$/.test(name)),
    );
    const providers = files.flatMap((file) => {
      const { source } = parseFile(file);
      const found: { file: string; messages: string | null }[] = [];
      const visit = (node: ts.Node): void => {
        const tag = ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : null;
        if (tag && tag.tagName.getText(source) === "NextIntlClientProvider") {
          const attribute = tag.attributes.properties.find(
            (p) => ts.isJsxAttribute(p) && p.name.getText(source) === "messages",
          );
          found.push({ file: relative(file), messages: attribute ? attribute.getText(source) : null });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (/\bNextIntlClientProvider\b/.test(source.text) && !found.length)
        found.push({ file: relative(file), messages: "imported, not rendered as JSX" });
      return found;
    });
    expect(providers.map((p) => p.file).sort()).toEqual(["app/layout.tsx", "components/intl/client-messages.tsx"]);
    expect(providers.find((p) => p.file === "app/layout.tsx")?.messages).toMatch(/CHROME_NAMESPACES/);
    expect(providers.find((p) => p.file === "components/intl/client-messages.tsx")?.messages).toBeTruthy();
  });
});

describe("compiled messages", () => {
  it("no app code reads a message raw: in the build a message is compiled and t.raw() gives no string", () => {
    const sources = ["app", "components", "lib", "i18n"].flatMap((dir) =>
      walk(path.join(ROOT, dir), (name) => /\.(tsx|ts)$/.test(name) && !/\.test\.tsx?$/.test(name)),
    );
    const raw = sources.filter((file) => /\b(?!sql\b|String\b)\w+\.raw\(\s*["'`]/.test(fs.readFileSync(file, "utf8")));
    expect(raw.map(relative)).toEqual([]);
  });
});
