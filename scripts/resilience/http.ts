/**
 * A simulated browser: a cookie jar, the next-auth credentials sign-in (csrf token + callback), the JSON routes
 * of the editor and the app's server actions (posted the way React encodes them). Every request is timed and
 * its outcome recorded in the shared statistics.
 */
export const REQUEST_TIMEOUT_MS = Number(process.env.RESILIENCE_REQUEST_TIMEOUT_MS ?? 60_000);

export type Outcome = { status: number; ms: number; kind: string; at: number };

export class Stats {
  outcomes: Outcome[] = [];
  timeouts = 0;
  networkErrors = 0;
  record(outcome: Outcome) {
    this.outcomes.push(outcome);
  }
  count(predicate: (o: Outcome) => boolean) {
    return this.outcomes.filter(predicate).length;
  }
  percentile(q: number, predicate: (o: Outcome) => boolean = () => true) {
    const values = this.outcomes
      .filter(predicate)
      .map((o) => o.ms)
      .sort((a, b) => a - b);
    if (values.length === 0) return 0;
    return values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
  }
}

export type ActionIds = Record<string, string>;

export type Reply = { status: number; text: string; json?: Record<string, unknown> };

export class Browser {
  private cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly stats: Stats,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  /** One request; `kind` labels it in the statistics. Timeouts and refused connections are counted, not thrown. */
  async request(kind: string, path: string, init: RequestInit = {}): Promise<Reply> {
    const started = performance.now();
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookieHeader());
    if (init.method === "POST") {
      headers.set("origin", this.base);
      headers.set("sec-fetch-site", "same-origin");
    }
    try {
      const response = await fetch(this.base + path, {
        ...init,
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      this.remember(response);
      const text = await response.text();
      const ms = performance.now() - started;
      this.stats.record({ status: response.status, ms, kind, at: Date.now() });
      let json: Record<string, unknown> | undefined;
      if ((response.headers.get("content-type") ?? "").includes("application/json")) {
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          /* not JSON after all */
        }
      }
      return { status: response.status, text, json };
    } catch (error) {
      const ms = performance.now() - started;
      const timedOut = (error as Error).name === "TimeoutError";
      if (timedOut) this.stats.timeouts++;
      else this.stats.networkErrors++;
      this.stats.record({ status: timedOut ? -1 : 0, ms, kind, at: Date.now() });
      return { status: timedOut ? -1 : 0, text: String(error) };
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("auth.csrf", "/api/auth/csrf");
    const token = (csrf.json?.csrfToken as string | undefined) ?? "";
    const body = new URLSearchParams({ csrfToken: token, email, password, callbackUrl: `${this.base}/`, json: "true" });
    const reply = await this.request("auth.signin", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`Anmeldung für ${email} fehlgeschlagen (HTTP ${reply.status}): ${reply.text.slice(0, 200)}`);
    }
  }

  saveSection(conceptId: string, sectionId: string, baseVersion: number, content: unknown, note: string | null) {
    return this.request("section.save", `/api/concepts/${conceptId}/sections/${sectionId}/revisions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ baseVersion, content, note }),
    });
  }

  createProposal(conceptId: string, sectionId: string, baseVersion: number, content: unknown, reason: string) {
    return this.request("proposal.create", `/api/concepts/${conceptId}/sections/${sectionId}/proposals`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ baseVersion, content, reason }),
    });
  }

  /**
   * A server action called as React does for `useActionState(action)`: the arguments (previous state, form data)
   * encoded as multipart – "0" is the argument list, "_1_<field>" the fields of the FormData – with the
   * Next-Action header naming the action. The answer is the action's result in the RSC stream.
   */
  async action(
    kind: string,
    pagePath: string,
    actionId: string,
    fields: Record<string, string>,
  ): Promise<Reply & { result?: ActionResult }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
    form.append("0", JSON.stringify(["$undefined", "$K1"]));
    const reply = await this.request(kind, pagePath, {
      method: "POST",
      headers: { accept: "text/x-component", "next-action": actionId },
      body: form,
    });
    return { ...reply, result: reply.status === 200 ? parseActionResult(reply.text) : undefined };
  }
}

export type ActionResult = { ok: boolean; code?: string; data?: Record<string, unknown>; message?: string };

/** Finds the action's return value (an object with "ok") in the RSC lines of the answer. */
export function parseActionResult(text: string): ActionResult | undefined {
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const payload = line.slice(colon + 1);
    if (!payload.startsWith("{")) continue;
    try {
      const value = JSON.parse(payload) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as ActionResult;
      for (const inner of Object.values(value)) {
        if (inner && typeof inner === "object" && typeof (inner as { ok?: unknown }).ok === "boolean")
          return inner as ActionResult;
      }
    } catch {
      /* another RSC row */
    }
  }
  return undefined;
}
