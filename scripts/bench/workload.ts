/** What the benchmark sends: one captured page load for the limit, and the write mix (saves and replies). */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { BenchData } from "./seed";
import { summarise, type LoadResult } from "./http";
import { sectionBody, toContent } from "./text";

type Captured = { query: string; params: unknown[] };

/** Loads the page once and returns the SQL the app ran for it (from the app's query log). */
export async function captureQueries(url: string, cookie: string, logFile: string): Promise<Captured[]> {
  await fetch(url, { headers: { cookie } }); // warm: first-time work (schemas, caches) is not part of a page
  const before = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  await res.text();
  await new Promise((r) => setTimeout(r, 200));
  const fd = fs.openSync(logFile, "r");
  const size = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(size - before);
  fs.readSync(fd, buffer, 0, buffer.length, before);
  fs.closeSync(fd);
  return buffer
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured)
    .filter((q) => !q.query.includes("mail_outbox"));
}

/** The id of a server action, from the build's server reference manifest. */
export function serverActionId(file: string, name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`Server-Aktion ${name} in ${file} nicht gefunden`);
  return found[0];
}

/**
 * A server action called as the browser's form does: multipart, the FormData as argument 1 after the state.
 * React 19.3 names the FormData's fields "_<part>_<name>" (as scripts/resilience/http.ts does).
 */
function actionBody(fields: Record<string, string>, boundary: string): string {
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="_1_${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n`);
  return `${parts.join("")}--${boundary}--\r\n`;
}

/**
 * The write mix: saves on distinct sections (each in-flight save holds its own section and the version it
 * was based on, so saves never conflict) alternating with replies to comment threads. Each request is timed
 * from its setup to its response, per kind.
 */
export async function writeMixRequests(
  baseUrl: string,
  data: BenchData,
  targets: { id: string; conceptId: string; version: number }[],
  cookie: string,
  /** The reply authors' sessions, taken in turn (one person's contributions queue behind each other by design). */
  replyCookies: string[],
) {
  const versions = new Map(targets.map((t) => [t.id, t.version]));
  let free = [...targets];
  const bodies = new Map(targets.map((t, i) => [t.id, sectionBody(5000 + i, 9000)]));
  const replyAction = serverActionId(
    "app/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/comment-actions.ts",
    "replyAction",
  );
  const boundary = "----benchmark7MA4YWxkTrZu0gW";
  let counter = 0;

  async function run(connections: number, seconds: number): Promise<Record<string, LoadResult>> {
    const times: Record<string, number[]> = { Speichern: [], Antworten: [] };
    const non2xx: Record<string, number> = { Speichern: 0, Antworten: 0 };
    type Ctx = { start?: number; sectionId?: string };
    free = [...targets];
    const instance = autocannon({
      url: baseUrl,
      connections: Math.min(connections, targets.length),
      duration: seconds,
      timeout: 30,
      headers: { cookie, origin: baseUrl },
      requests: [
        {
          method: "POST",
          setupRequest: (req, context: Ctx) => {
            const target = free.shift()!;
            context.sectionId = target.id;
            context.start = performance.now();
            const body = bodies.get(target.id)!;
            const n = ++counter;
            const changed = body.map((b, k) =>
              k === 1 + (n % (body.length - 1)) && !b.heading ? { ...b, text: `${b.text} Ergänzung ${n}.` } : b,
            );
            return {
              ...req,
              path: `/api/concepts/${target.conceptId}/sections/${target.id}/revisions`,
              headers: { ...req.headers, "content-type": "application/json" },
              body: JSON.stringify({
                baseVersion: versions.get(target.id),
                content: toContent(changed).content,
                note: null,
              }),
            };
          },
          onResponse: (status, body, context: Ctx) => {
            times.Speichern!.push(performance.now() - context.start!);
            if (status === 201 || status === 200)
              versions.set(context.sectionId!, (JSON.parse(body) as { version: number }).version);
            else {
              non2xx.Speichern!++;
              // A save cut off at the end of the previous run may still have been stored: base the next one on it.
              if (status === 409) versions.set(context.sectionId!, versions.get(context.sectionId!)! + 1);
            }
            free.push(targets.find((t) => t.id === context.sectionId)!);
          },
        },
        {
          method: "POST",
          setupRequest: (req, context: Ctx) => {
            const n = ++counter;
            const threadId = data.replyThreadIds[n % data.replyThreadIds.length]!;
            context.start = performance.now();
            return {
              ...req,
              path: `/konzepte/${data.conceptId}/abschnitte/${data.measuredSectionId}`,
              headers: {
                ...req.headers,
                cookie: replyCookies[n % replyCookies.length]!,
                "next-action": replyAction,
                "content-type": `multipart/form-data; boundary=${boundary}`,
                accept: "text/x-component",
              },
              body: actionBody(
                {
                  threadId,
                  conceptId: data.conceptId,
                  sectionId: data.measuredSectionId,
                  body: `Danke, wir übernehmen das in die nächste Fassung (${n}).`,
                },
                boundary,
              ),
            };
          },
          onResponse: (status, body, context: Ctx) => {
            times.Antworten!.push(performance.now() - context.start!);
            if (status !== 200 || !body.includes("Antwort gespeichert")) non2xx.Antworten!++;
          },
        },
      ],
    });
    const started = performance.now();
    await (instance as unknown as Promise<autocannon.Result>);
    const elapsed = Math.max(seconds, (performance.now() - started) / 1000);
    return Object.fromEntries(
      Object.entries(times).map(([k, v]) => [k, summarise(v, connections, elapsed, 0, non2xx[k]!)]),
    );
  }
  return { run };
}
