import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Reads the app's import graph with the TypeScript parser, to find which message namespaces the client
 * components under each route file need and which ones each <ClientMessages> sends. Only what the parser can
 * prove is accepted: a namespace that is not a string literal, a useTranslations() without one, a hook that
 * needs the whole catalogue or an import that does not resolve is reported as a problem, never skipped.
 */

export const ROOT = path.resolve(import.meta.dirname, "..");
const CLIENT_MESSAGES_MODULE = path.join(ROOT, "components/intl/client-messages.tsx");
const INTL_MODULES = new Set(["next-intl", "use-intl", "use-intl/react"]);
// next-intl's client hooks that need no messages; anything else imported from it in client code is a problem.
const INTL_HOOKS_WITHOUT_MESSAGES = new Set(["useFormatter", "useLocale", "useNow", "useTimeZone"]);
const CODE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs"];

type Use = { target: string; node: ts.Node };
type Wrap = { element: ts.JsxElement; namespaces: string[] };
type ParsedFile = {
  file: string;
  source: ts.SourceFile;
  isClient: boolean;
  isServerActions: boolean;
  /** Every runtime use of another module of the app: a referenced binding, a side-effect import, a re-export, import(). */
  uses: Use[];
  /** Top-level namespaces this file's useTranslations calls need when it runs on the client. */
  namespaces: Set<string>;
  wraps: Wrap[];
  problems: string[];
  clientProblems: string[];
};

const parsed = new Map<string, ParsedFile>();

export function relative(file: string): string {
  return path.relative(ROOT, file);
}

function where(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${relative(source.fileName)}:${line + 1}`;
}

/** The app file an import specifier names, null for packages and assets; throws when an app import does not resolve. */
export function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  const isFile = (candidate: string) => fs.existsSync(candidate) && fs.statSync(candidate).isFile();
  const candidates = [
    base,
    ...CODE_EXTENSIONS.map((e) => base + e),
    ...CODE_EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  const found = candidates.find((c) => CODE_EXTENSIONS.includes(path.extname(c)) && isFile(c));
  if (found) return found;
  // Stylesheets, JSON and other assets carry no client components.
  if (isFile(base)) return null;
  throw new Error(`${relative(from)}: cannot resolve ${specifier}`);
}

function directives(source: ts.SourceFile): Set<string> {
  const found = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    found.add(statement.expression.text);
  }
  return found;
}

function stringValue(node: ts.Node | undefined): string | null {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return null;
}

function isInTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return true;
    if (ts.isStatement(n)) return false;
  }
  return false;
}

/** Identifiers that may refer to a binding: not a property name, not a JSX attribute name, not in a type. */
function referencesByName(source: ts.SourceFile, skip: Set<ts.Node>): Map<string, ts.Identifier[]> {
  const byName = new Map<string, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (skip.has(node)) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isJsxAttribute(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isName && !isInTypePosition(node)) byName.set(node.text, [...(byName.get(node.text) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return byName;
}

export function parseFile(file: string): ParsedFile {
  const cached = parsed.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(file, "utf8");
  const kind = file.endsWith(".tsx") || file.endsWith(".jsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found = directives(source);
  const result: ParsedFile = {
    file,
    source,
    isClient: found.has("use client"),
    isServerActions: found.has("use server"),
    uses: [],
    namespaces: new Set(),
    wraps: [],
    problems: [],
    clientProblems: [],
  };

  const importDeclarations = new Set<ts.Node>();
  const bindings: { local: string; target: string }[] = [];
  const translationHooks = new Set<string>();
  const intlNamespaces = new Set<string>();
  const clientMessagesNames = new Set<string>();

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      importDeclarations.add(statement);
      const specifier = stringValue(statement.moduleSpecifier)!;
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.filter((e) => !e.isTypeOnly)
          : [];
      const namespaceImport =
        clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings.name.text : null;
      if (INTL_MODULES.has(specifier)) {
        for (const element of named) {
          const imported = (element.propertyName ?? element.name).text;
          if (imported === "useTranslations") translationHooks.add(element.name.text);
          else if (imported !== "NextIntlClientProvider" && !INTL_HOOKS_WITHOUT_MESSAGES.has(imported))
            result.clientProblems.push(
              `${where(source, element)}: ${imported} from ${specifier} is not understood by this check`,
            );
        }
        if (namespaceImport) intlNamespaces.add(namespaceImport);
        if (clause?.name)
          result.clientProblems.push(
            `${where(source, clause)}: default import from ${specifier} is not understood by this check`,
          );
        continue;
      }
      const target = resolveImport(file, specifier);
      if (!target) continue;
      if (!clause) {
        result.uses.push({ target, node: statement });
        continue;
      }
      if (clause.name) bindings.push({ local: clause.name.text, target });
      if (namespaceImport) bindings.push({ local: namespaceImport, target });
      for (const element of named) {
        bindings.push({ local: element.name.text, target });
        if (target === CLIENT_MESSAGES_MODULE && (element.propertyName ?? element.name).text === "ClientMessages")
          clientMessagesNames.add(element.name.text);
      }
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const target = resolveImport(file, stringValue(statement.moduleSpecifier)!);
      if (target) result.uses.push({ target, node: statement });
    }
  }

  const references = referencesByName(source, importDeclarations);
  for (const { local, target } of bindings) {
    for (const node of references.get(local) ?? []) result.uses.push({ target, node });
  }

  for (const local of translationHooks) {
    for (const node of references.get(local) ?? []) {
      const call = node.parent;
      if (!ts.isCallExpression(call) || call.expression !== node) {
        result.clientProblems.push(`${where(source, node)}: useTranslations is used other than by calling it`);
        continue;
      }
      const namespace = stringValue(call.arguments[0]);
      if (namespace === null)
        result.clientProblems.push(
          `${where(source, call)}: useTranslations needs a literal namespace (without one, a client component needs every message)`,
        );
      else result.namespaces.add(namespace);
    }
  }
  for (const local of intlNamespaces) {
    for (const node of references.get(local) ?? [])
      result.clientProblems.push(
        `${where(source, node)}: namespace import of next-intl is not understood by this check`,
      );
  }

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = stringValue(node.arguments[0]);
      if (specifier === null) result.problems.push(`${where(source, node)}: import() needs a literal module name`);
      else {
        const target = resolveImport(file, specifier);
        if (target) result.uses.push({ target, node });
      }
    }
    if (
      ts.isJsxElement(node) &&
      ts.isIdentifier(node.openingElement.tagName) &&
      clientMessagesNames.has(node.openingElement.tagName.text)
    ) {
      result.wraps.push({ element: node, namespaces: declaredNamespaces(source, node, result.problems) });
    }
    if (
      ts.isJsxSelfClosingElement(node) &&
      ts.isIdentifier(node.tagName) &&
      clientMessagesNames.has(node.tagName.text)
    ) {
      result.problems.push(`${where(source, node)}: <ClientMessages /> without children`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  parsed.set(file, result);
  return result;
}

function declaredNamespaces(source: ts.SourceFile, element: ts.JsxElement, problems: string[]): string[] {
  const attribute = element.openingElement.attributes.properties.find(
    (p) => ts.isJsxAttribute(p) && p.name.getText(source) === "namespaces",
  );
  const expression =
    attribute && ts.isJsxAttribute(attribute) && attribute.initializer && ts.isJsxExpression(attribute.initializer)
      ? attribute.initializer.expression
      : undefined;
  if (!expression || !ts.isArrayLiteralExpression(expression)) {
    problems.push(`${where(source, element)}: <ClientMessages namespaces={[…]}> needs a literal array`);
    return [];
  }
  return expression.elements.map((e) => {
    const value = stringValue(e);
    if (value === null) problems.push(`${where(source, e)}: ClientMessages namespaces must be string literals`);
    return value ?? "";
  });
}

/** The innermost <ClientMessages> around a node, if any. */
export function enclosingWrap(file: ParsedFile, node: ts.Node): Wrap | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const wrap = file.wraps.find((w) => w.element === n);
    if (wrap) return wrap;
  }
  return undefined;
}

export function topLevel(namespace: string): string {
  return namespace.split(".")[0]!;
}

/** The top-level namespaces (each with one file that uses it) a client component and all it imports need. */
export function clientNeeds(file: string, problems: string[]): { namespaces: Map<string, string>; files: Set<string> } {
  const namespaces = new Map<string, string>();
  const files = new Set<string>();
  const queue = [file];
  while (queue.length) {
    const next = queue.pop()!;
    if (files.has(next)) continue;
    const parsedFile = parseFile(next);
    // Server actions reach the client only as references.
    if (parsedFile.isServerActions) continue;
    files.add(next);
    for (const ns of parsedFile.namespaces)
      if (!namespaces.has(topLevel(ns))) namespaces.set(topLevel(ns), relative(next));
    problems.push(...parsedFile.problems, ...parsedFile.clientProblems);
    for (const use of parsedFile.uses) queue.push(use.target);
  }
  return { namespaces, files };
}

export type Analysis = {
  chrome: Set<string>;
  problems: Set<string>;
  /** Per <ClientMessages>, the namespaces the code inside it needs. */
  wrapUsage: Map<Wrap, Set<string>>;
  clientFiles: Set<string>;
  serverFiles: Set<string>;
  needsCache: Map<string, Map<string, string>>;
};

export function newAnalysis(chrome: readonly string[]): Analysis {
  return {
    chrome: new Set(chrome),
    problems: new Set(),
    wrapUsage: new Map(),
    clientFiles: new Set(),
    serverFiles: new Set(),
    needsCache: new Map(),
  };
}

/**
 * The namespaces (each with one client file that needs it) that the client components rendered by a file need
 * from the provider around it. Goes through server components; what a <ClientMessages> wraps is checked
 * against that wrap instead.
 */
export function needs(analysis: Analysis, start: string): Map<string, string> {
  const cached = analysis.needsCache.get(start);
  if (cached) return cached;
  const result = new Map<string, string>();
  const visited = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.pop()!;
    if (visited.has(file)) continue;
    visited.add(file);
    const parsedFile = parseFile(file);
    if (parsedFile.isServerActions) continue;
    if (parsedFile.isClient) {
      const problems: string[] = [];
      const client = clientNeeds(file, problems);
      for (const p of problems) analysis.problems.add(p);
      for (const f of client.files) analysis.clientFiles.add(f);
      for (const [ns, by] of client.namespaces) if (!result.has(ns)) result.set(ns, by);
      continue;
    }
    analysis.serverFiles.add(file);
    for (const p of parsedFile.problems) analysis.problems.add(p);
    for (const use of parsedFile.uses) {
      const wrap = enclosingWrap(parsedFile, use.node);
      if (!wrap) {
        queue.push(use.target);
        continue;
      }
      const usage = analysis.wrapUsage.get(wrap) ?? new Set<string>();
      analysis.wrapUsage.set(wrap, usage);
      for (const [ns, by] of needs(analysis, use.target)) {
        usage.add(ns);
        if (!analysis.chrome.has(ns) && !wrap.namespaces.includes(ns))
          analysis.problems.add(
            `${where(parsedFile.source, use.node)}: "${ns}" (needed by ${by}) is missing from the <ClientMessages> around it`,
          );
      }
    }
  }
  analysis.needsCache.set(start, result);
  return result;
}

/** A file's <ClientMessages>, with where they are. */
export function wrapsOf(file: string): { wrap: Wrap; at: string }[] {
  const parsedFile = parseFile(file);
  return parsedFile.wraps.map((wrap) => ({ wrap, at: where(parsedFile.source, wrap.element) }));
}

export type Provided = { namespaces: Set<string>; wraps: Wrap[] };

/** The messages a layout's {children} get: from its own <ClientMessages> around them, else from above. */
export function providedToChildren(analysis: Analysis, layout: string, fromAbove: Provided): Provided {
  const parsedFile = parseFile(layout);
  const childrenRefs: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === "children" && !isInTypePosition(node)) childrenRefs.push(node);
    ts.forEachChild(node, visit);
  };
  visit(parsedFile.source);
  // Where children are rendered more than once, they get only what every place provides.
  const places = childrenRefs
    // The parameter that binds children is no rendering of them.
    .filter((ref) => !((ts.isBindingElement(ref.parent) || ts.isParameter(ref.parent)) && ref.parent.name === ref))
    .map((ref): Provided => {
      const wrap = enclosingWrap(parsedFile, ref);
      return wrap ? { namespaces: new Set([...analysis.chrome, ...wrap.namespaces]), wraps: [wrap] } : fromAbove;
    });
  if (!places.length) return fromAbove;
  return places.reduce((all, here) => ({
    namespaces: new Set([...all.namespaces].filter((ns) => here.namespaces.has(ns))),
    wraps: [...all.wraps, ...here.wraps],
  }));
}
