import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Validates OParl output against the OParl 1.1.1 schemas in test/oparl-schema. Every object anywhere in a
 * response that names an OParl type is checked against that type's schema (embedded ones too: the schemas
 * only say "object" for them), and no field may be null.
 */
const SCHEMA_DIR = path.join(import.meta.dirname, "oparl-schema");
const TYPE_PREFIX = "https://schema.oparl.org/1.1/";

function createAjv() {
  // unicodeRegExp off: the schemas escape ":" and "/" in their patterns, which the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  // The OParl schemas' own annotation keywords: documentation for generators, no validation meaning.
  ajv.addKeyword("references");
  ajv.addKeyword("backreference");
  ajv.addKeyword("cardinality");
  ajv.addKeyword("schema");
  ajv.addFormat("url", {
    type: "string",
    validate: (value: string) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value),
  });
  return ajv;
}

const validators = new Map<string, ValidateFunction>();
const ajv = createAjv();
for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"))) {
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as { title: string };
  validators.set(schema.title, ajv.compile(schema));
}

/** Error messages for every problem found; empty when the value is valid OParl. */
export function oparlProblems(value: unknown, where = "$"): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (node === null) {
      problems.push(`${at}: null is not allowed in OParl`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`));
      return;
    }
    if (typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string" && record.type.startsWith(TYPE_PREFIX)) {
      const name = record.type.slice(TYPE_PREFIX.length);
      const validate = validators.get(name);
      if (!validate) problems.push(`${at}: unknown OParl type ${name}`);
      else if (!validate(record))
        problems.push(...(validate.errors ?? []).map((e) => `${at} (${name})${e.instancePath}: ${e.message}`));
    }
    for (const [key, child] of Object.entries(record)) visit(child, `${at}.${key}`);
  };
  visit(value, where);
  return problems;
}

/** A list page as OParl defines it: data, pagination and links (next on every page but the last). */
export function listProblems(value: unknown, where = "$"): string[] {
  const page = value as { data?: unknown; pagination?: Record<string, unknown>; links?: Record<string, unknown> };
  const problems = oparlProblems(value, where);
  if (!Array.isArray(page.data)) problems.push(`${where}: data must be an array`);
  if (!page.pagination || typeof page.pagination !== "object") problems.push(`${where}: pagination missing`);
  if (!page.links || typeof page.links !== "object") problems.push(`${where}: links missing`);
  else {
    const { currentPage, totalPages } = page.pagination ?? {};
    if (
      typeof currentPage === "number" &&
      typeof totalPages === "number" &&
      currentPage < totalPages &&
      typeof page.links.next !== "string"
    ) {
      problems.push(`${where}: links.next is required on every page but the last`);
    }
  }
  return problems;
}

/** Every http(s) URL anywhere in a JSON value. */
export function urlsIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node === "string") {
      if (/^https?:\/\//.test(node)) found.push(node);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") Object.values(node).forEach(visit);
  };
  visit(value);
  return found;
}
