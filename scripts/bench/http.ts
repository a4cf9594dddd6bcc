/** Starting the production server, signing in over HTTP and loading pages with autocannon. */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

export type Server = { baseUrl: string; stop(): Promise<void> };

async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Server beendet (Code ${child.exitCode}) bevor ${url} antwortete`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} antwortet nicht`);
}

export async function startProcess(
  args: string[],
  env: Record<string, string | undefined>,
  port: number,
  healthPath: string,
  quiet = true,
  cwd = process.cwd(),
): Promise<Server> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}${healthPath}`, child);
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/**
 * The production server as `npm start` runs it (one process per core on PostgreSQL), on loopback, against the given
 * database; `cwd` is the checkout whose build it serves (another one for `npm run bench:compare`).
 */
export function startApp(port: number, env: Record<string, string | undefined>, cwd?: string): Promise<Server> {
  return startProcess(
    ["scripts/start-server.mjs", "-p", String(port), "-H", "127.0.0.1"],
    {
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "bench-secret-only-for-the-benchmark-0123456789",
      SEED_DEMO: "false",
      // Each reply author of the write mix replies hundreds of times a minute: measured is the reply, not the
      // per-person limit that would refuse all but the first 30 (lib/comments/contribution-rate-limit.ts).
      COMMENT_RATE_LIMIT_BURST: "1000000",
      COMMENT_RATE_LIMIT_PER_MINUTE: "1000000",
      ...env,
      NODE_ENV: "production",
    },
    port,
    "/api/health",
    true,
    cwd,
  );
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials endpoint, as the form does; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Anmeldung von ${email} fehlgeschlagen (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

/** Bytes of a response body as sent without compression (autocannon asks for none; fetch's gzip is undone here). */
export async function responseBytes(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;

export function summarise(
  latencies: number[],
  connections: number,
  seconds: number,
  errors: number,
  non2xx: number,
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    errors,
    non2xx,
  };
}

type Request = NonNullable<autocannon.Options["requests"]>[number];

/**
 * One autocannon run. Latencies are taken per response (autocannon's own percentiles stop at 97.5/99);
 * with `requests` the caller may time them itself through `onLatency`.
 */
export async function load(options: {
  url: string;
  cookie: string;
  connections: number;
  seconds: number;
  requests?: Request[];
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: { cookie: options.cookie, ...options.headers },
    requests: options.requests,
    timeout: 30,
  });
  (instance as unknown as autocannon.Instance).on(
    "response",
    (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      if (status < 200 || status >= 300) non2xx++;
    },
  );
  const started = performance.now();
  const result = await (instance as unknown as Promise<autocannon.Result>);
  const seconds = (performance.now() - started) / 1000;
  return summarise(
    latencies,
    options.connections,
    Math.max(seconds, options.seconds),
    result.errors + result.timeouts,
    non2xx,
  );
}
