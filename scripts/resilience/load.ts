import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/connect";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db-errors";
import { Browser, type ActionIds, type Stats } from "./http";
import { currentVersion, LOAD_PASSWORD, type LoadUser, type Plan } from "./prepare";
import type { Acknowledged } from "./verify";

/**
 * The ids of the server actions the simulated users call, read from the build: the server manifest names
 * each action's id and export; older builds are searched in the client chunks instead.
 */
export function findActionIds(names: string[]): ActionIds {
  const ids: ActionIds = {};
  const manifestPath = path.join(".next", "server", "server-reference-manifest.json");
  if (fs.existsSync(manifestPath)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
      node?: Record<string, { exportedName?: string; workers?: Record<string, { exportedName?: string }> }>;
    };
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      const exported = entry.exportedName ?? Object.values(entry.workers ?? {})[0]?.exportedName;
      if (exported && names.includes(exported)) ids[exported] = id;
    }
  }
  const missing = names.filter((n) => !ids[n]);
  if (missing.length) {
    const dir = path.join(".next", "static", "chunks");
    const pattern = /createServerReference\)\("([0-9a-f]{40,})",[^)]*?"(\w+)"\)/g;
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!file.endsWith(".js")) continue;
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of text.matchAll(pattern)) if (missing.includes(m[2]!)) ids[m[2]!] = m[1]!;
    }
  }
  const still = names.filter((n) => !ids[n]);
  if (still.length) throw new Error(`Server-Aktionen im Build nicht gefunden: ${still.join(", ")}`);
  return ids;
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type LoadOptions = {
  base: string;
  db: Db;
  plan: Plan;
  users: LoadUser[];
  seconds: number;
  stats: Stats;
  acks: Acknowledged;
  actionIds: ActionIds;
  /** Only saves, back to back (the burst the server is killed in). */
  burst?: boolean;
  /** No page loads (while the database is down a page answers with its error page, status 500). */
  noReads?: boolean;
  /** Think time between two steps of one user. */
  thinkMs?: [number, number];
  /** Called after sign-in, before the timed part starts. */
  onSignedIn?: () => void;
  shouldStop?: () => boolean;
};

export type LoadFigures = {
  signedIn: number;
  steps: number;
  conflicts: number;
  unavailable: number;
  otherRefusals: Record<string, number>;
};

/** Signs the users in (in small groups, the password hash is deliberately slow) and runs them until time is up. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const figures: LoadFigures = { signedIn: 0, steps: 0, conflicts: 0, unavailable: 0, otherRefusals: {} };
  const browsers: { user: LoadUser; browser: Browser }[] = [];
  for (let i = 0; i < options.users.length; i += 5) {
    const group = options.users.slice(i, i + 5);
    await Promise.all(
      group.map(async (user) => {
        const browser = new Browser(options.base, options.stats);
        await browser.signIn(user.email, LOAD_PASSWORD);
        browsers.push({ user, browser });
        figures.signedIn++;
      }),
    );
  }
  options.onSignedIn?.();
  const until = Date.now() + options.seconds * 1000;
  const known = new Map<string, number>();
  const signedOrgs = new Set<string>();
  let seq = 0;
  const refusal = (code: string, message?: unknown) => {
    if (code === "SECTION_STALE" || code === "CONFLICT") figures.conflicts++;
    else if (code === "UNAVAILABLE" && message === DATABASE_UNAVAILABLE_MESSAGE) figures.unavailable++;
    else figures.otherRefusals[code] = (figures.otherRefusals[code] ?? 0) + 1;
  };
  const versionOf = async (sectionId: string) => {
    if (!known.has(sectionId)) {
      try {
        known.set(sectionId, await currentVersion(options.db, sectionId));
      } catch {
        return 1; // the database is down: the user still has the page open with some version
      }
    }
    return known.get(sectionId)!;
  };

  const steps = {
    async save(user: LoadUser, browser: Browser) {
      const own = options.plan.editTargets.filter(
        (t) => user.org === "jugendamt" || t.ownerOrg === options.plan.orgIds[user.org],
      );
      const target = pick(own);
      const base = await versionOf(target.sectionId);
      const marker = `Lasttest-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
      const reply = await browser.saveSection(
        target.conceptId,
        target.sectionId,
        base,
        doc(`${marker}: ${user.email} überarbeitet diesen Abschnitt.`),
        null,
      );
      if (reply.status === 201 && reply.json?.status === "saved") {
        const number = Number(reply.json.version);
        options.acks.saves.push({ sectionId: target.sectionId, number, marker });
        known.set(target.sectionId, Math.max(number, known.get(target.sectionId) ?? 0));
      } else if (reply.json?.code) {
        refusal(String(reply.json.code), reply.json.message);
        if (reply.json.code === "SECTION_STALE") known.delete(target.sectionId); // the user reloads the page
      }
    },
    async propose(user: LoadUser, browser: Browser) {
      const target = pick(options.plan.editTargets.filter((t) => t.ownerOrg !== options.plan.orgIds[user.org]));
      const base = await versionOf(target.sectionId);
      const text = `Vorschlag ${++seq} von ${user.email}: ${Math.random().toString(36).slice(2)}`;
      const reply = await browser.createProposal(
        target.conceptId,
        target.sectionId,
        base,
        doc(text),
        "Bitte so formulieren – Lasttest.",
      );
      if (reply.status === 201 && typeof reply.json?.proposalId === "string")
        options.acks.proposals.push(reply.json.proposalId);
      else if (reply.json?.code) {
        refusal(String(reply.json.code), reply.json.message);
        if (reply.json.code === "SECTION_STALE") known.delete(target.sectionId);
      }
    },
    async comment(user: LoadUser, browser: Browser) {
      const target = pick(options.plan.editTargets);
      const reply = await browser.action(
        "comment.create",
        `/konzepte/${target.conceptId}/abschnitte/${target.sectionId}`,
        options.actionIds.createThreadAction!,
        {
          conceptId: target.conceptId,
          sectionId: target.sectionId,
          body: `Kommentar ${++seq} von ${user.email} im Lasttest.`,
          visibility: "alle",
        },
      );
      const threadId = reply.result?.data?.threadId;
      if (reply.result?.ok && typeof threadId === "string") options.acks.threads.push(threadId);
      else if (reply.result?.code) refusal(reply.result.code, reply.result.message);
    },
    async signOff(user: LoadUser, browser: Browser) {
      const organisationId = options.plan.orgIds[user.org];
      const open = options.plan.rounds.filter((r) => !signedOrgs.has(`${r.roundId}#${organisationId}`));
      if (open.length === 0) return steps.comment(user, browser);
      const round = pick(open.slice(0, 3));
      const reply = await browser.action(
        "signoff.create",
        `/konzepte/${round.conceptId}/mitzeichnung`,
        options.actionIds.signOffAction!,
        {
          conceptId: round.conceptId,
          roundId: round.roundId,
          contentHash: round.contentHash,
          organisationId,
          decision: "zugestimmt",
        },
      );
      if (reply.result?.ok) {
        options.acks.signoffs.push({ roundId: round.roundId, organisationId, email: user.email });
        signedOrgs.add(`${round.roundId}#${organisationId}`);
      } else if (reply.result?.code) {
        refusal(reply.result.code, reply.result.message);
        if (reply.result.code === "CONFLICT") signedOrgs.add(`${round.roundId}#${organisationId}`); // someone of the organisation was faster
      }
    },
    async read(_user: LoadUser, browser: Browser) {
      const target = pick(options.plan.editTargets);
      await browser.request("page.section", `/konzepte/${target.conceptId}/abschnitte/${target.sectionId}`);
    },
  };

  const choose = (user: LoadUser) => {
    if (options.burst) return steps.save;
    const r = options.noReads ? Math.random() * 0.85 : Math.random();
    if (user.org === "jugendamt")
      return r < 0.5 ? steps.save : r < 0.7 ? steps.comment : r < 0.85 ? steps.signOff : steps.read;
    return r < 0.3
      ? steps.save
      : r < 0.55
        ? steps.propose
        : r < 0.7
          ? steps.comment
          : r < 0.85
            ? steps.signOff
            : steps.read;
  };
  const [thinkMin, thinkMax] = options.thinkMs ?? [500, 2000];
  await Promise.all(
    browsers.map(async ({ user, browser }) => {
      await sleep(Math.random() * thinkMax);
      while (Date.now() < until && !options.shouldStop?.()) {
        await choose(user)(user, browser);
        figures.steps++;
        if (!options.burst) await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
      }
    }),
  );
  return figures;
}
