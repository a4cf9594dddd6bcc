import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file below app/, relative to the project root, with forward slashes. */
function appFiles(root: string): string[] {
  return (readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .map((f) => `app/${f.split(path.sep).join("/")}`)
    .filter((f) => /\.tsx?$/.test(f));
}

/** Exported functions of every "use server" module: each is a public endpoint Next.js exposes to any client. */
export function listServerActionExports(root: string): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const file of appFiles(root)) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g))
      out.push({ file, name: (m[1] ?? m[2])! });
  }
  return out;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** The HTTP methods every route.ts exports, whether as functions, constants or re-exports. */
export function listRouteExports(root: string): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const file of appFiles(root).filter((f) => /\/route\.ts$/.test(f))) {
    const source = readFileSync(path.join(root, file), "utf8");
    const names = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) names.add(m[1]!);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of m[1]!.split(","))
        names.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        );
    for (const name of names) if (METHODS.includes(name)) out.push({ file, name });
  }
  return out;
}
