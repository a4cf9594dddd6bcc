import { z } from "zod";

/**
 * Every environment variable the app and its scripts read, in one place: validated at server start
 * (`instrumentation-node.ts`), read through `readEnv()` — by db/, lib/, scripts and next.config.ts alike, so it
 * sits below all of them and imports nothing of the app. README's configuration table lists the same names
 * (`config/env.test.ts` compares them). Unset and empty are the same: the default applies.
 */
const text = z.string().trim().min(1);
const positiveInt = (name: string) =>
  z.coerce
    .number(`${name} muss eine ganze Zahl ab 1 sein.`)
    .int(`${name} muss eine ganze Zahl ab 1 sein.`)
    .min(1, `${name} muss eine ganze Zahl ab 1 sein.`);
const url = (name: string, protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `${name} muss eine Adresse mit ${protocols.map((p) => `${p}//`).join(" oder ")} sein.`,
    );
const flag = (name: string, values: readonly [string, ...string[]]) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, `${name} muss ${values.map((v) => `„${v}“`).join(" oder ")} sein.`));

const ZEnv = z.object({
  DATABASE_URL: url("DATABASE_URL", ["postgres:", "postgresql:"]).optional(),
  DATABASE_POOL_SIZE: positiveInt("DATABASE_POOL_SIZE").optional(),
  WEB_CONCURRENCY: positiveInt("WEB_CONCURRENCY").optional(),
  REDIS_URL: url("REDIS_URL", ["redis:", "rediss:"]).optional(),
  PGLITE_DIR: text.optional(),
  SEED_DEMO: flag("SEED_DEMO", ["true", "false"]).default("true"),
  DEMO_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "DEMO_TODAY muss ein Datum JJJJ-MM-TT sein.")
    .optional(),
  NEXTAUTH_SECRET: text.optional(),
  NEXTAUTH_URL: url("NEXTAUTH_URL", ["http:", "https:"]).optional(),
  PORT: z.coerce
    .number("PORT muss eine Portnummer sein.")
    .int()
    .min(1)
    .max(65535, "PORT muss eine Portnummer sein.")
    .optional(),
  APP_URL: url("APP_URL", ["http:", "https:"]).optional(),
  SMTP_URL: url("SMTP_URL", ["smtp:", "smtps:"]).optional(),
  MAIL_FROM: text.optional(),
  MAIL_DIR: text.optional(),
  OPARL_BODY_NAME: text.optional(),
  OPARL_REQUIRE_AUTH: flag("OPARL_REQUIRE_AUTH", ["true", "false"]).default("false"),
  BACKUP_DIR: text.optional(),
  PG_BIN: text.optional(),
  RENDER_CACHE_ENTRIES: positiveInt("RENDER_CACHE_ENTRIES").default(2000),
  DATABASE_QUERY_LOG: text.optional(),
  TRUSTED_PROXIES: text.optional(),
  COMMENT_RATE_LIMIT_BURST: positiveInt("COMMENT_RATE_LIMIT_BURST").default(30),
  COMMENT_RATE_LIMIT_PER_MINUTE: positiveInt("COMMENT_RATE_LIMIT_PER_MINUTE").default(10),
  KONZEPTWERK_E2E: flag("KONZEPTWERK_E2E", ["0", "1"]).optional(),
});

export type Env = z.infer<typeof ZEnv>;
export const ENV_VARIABLES = Object.keys(ZEnv.shape) as readonly (keyof Env)[];

type RawEnv = Record<string, string | undefined>;

/** Only our variables, with empty values treated as unset. */
function ours(raw: RawEnv): Record<string, string> {
  return Object.fromEntries(
    ENV_VARIABLES.flatMap((name) => {
      const value = raw[name];
      return value === undefined || value.trim() === "" ? [] : [[name, value]];
    }),
  );
}

/** What is wrong with the configuration, one German sentence per problem; empty when it is fine. */
export function envProblems(raw: RawEnv = process.env): string[] {
  const result = ZEnv.safeParse(ours(raw));
  const problems = result.success ? [] : result.error.issues.map((issue) => issue.message);
  if (raw.NODE_ENV === "production" && !raw.NEXTAUTH_SECRET?.trim())
    problems.push("NEXTAUTH_SECRET fehlt: Ohne ihn lässt sich im Produktivbetrieb niemand anmelden.");
  return problems;
}

let last: { key: string; env: Env } | undefined;

/**
 * The validated configuration (throws on an invalid one; the server has refused to start on it already).
 * Parsed again only when one of our variables changed, so reading it on every request costs a few lookups.
 */
export function readEnv(raw: RawEnv = process.env): Env {
  const values = ours(raw);
  const key = JSON.stringify(values);
  if (last?.key === key) return last.env;
  const env = ZEnv.parse(values);
  last = { key, env };
  return env;
}

/** The test-support routes (e2e only) answer only in a server started with KONZEPTWERK_E2E=1. */
export function testSupportEnabled(raw: RawEnv = process.env): boolean {
  return readEnv(raw).KONZEPTWERK_E2E === "1";
}
