import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, envProblems, readEnv } from "./env";

/** The variable names in README's "Configuration" table. */
function readmeVariables(): string[] {
  const readme = fs.readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"));
  const table = section.slice(0, section.indexOf("\n## ", 1));
  return [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]!);
}

describe("environment", () => {
  it("documents exactly the variables it validates, in README's configuration table", () => {
    expect(readmeVariables().sort()).toEqual([...ENV_VARIABLES].sort());
    expect(ENV_VARIABLES.length).toBeGreaterThanOrEqual(20);
  });

  it("accepts an empty environment and fills in the defaults", () => {
    expect(envProblems({})).toEqual([]);
    const env = readEnv({ SEED_DEMO: "", RENDER_CACHE_ENTRIES: " " });
    expect(env.SEED_DEMO).toBe("true");
    expect(env.RENDER_CACHE_ENTRIES).toBe(2000);
    expect(env.OPARL_REQUIRE_AUTH).toBe("false");
  });

  it("accepts a typical production configuration", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://konzeptwerk@db.intern:5432/konzeptwerk",
      DATABASE_POOL_SIZE: "20",
      NEXTAUTH_SECRET: "a-long-random-secret",
      NEXTAUTH_URL: "https://konzepte.stadt.example",
      SMTP_URL: "smtps://user:pass@mail.example:465",
      OPARL_REQUIRE_AUTH: "TRUE",
      PORT: "8080",
    };
    expect(envProblems(production)).toEqual([]);
    expect(readEnv(production)).toMatchObject({ DATABASE_POOL_SIZE: 20, PORT: 8080, OPARL_REQUIRE_AUTH: "true" });
  });

  it("names every wrong value in German, and refuses production without a session secret", () => {
    const problems = envProblems({
      NODE_ENV: "production",
      DATABASE_URL: "mysql://db/x",
      DATABASE_POOL_SIZE: "zehn",
      SEED_DEMO: "ja",
      DEMO_TODAY: "15.03.2022",
      SMTP_URL: "mail.example",
      RENDER_CACHE_ENTRIES: "0",
      PORT: "70000",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "DATABASE_URL muss eine Adresse mit postgres:// oder postgresql:// sein.",
        "DATABASE_POOL_SIZE muss eine ganze Zahl ab 1 sein.",
        "SEED_DEMO muss „true“ oder „false“ sein.",
        "DEMO_TODAY muss ein Datum JJJJ-MM-TT sein.",
        "SMTP_URL muss eine Adresse mit smtp:// oder smtps:// sein.",
        "RENDER_CACHE_ENTRIES muss eine ganze Zahl ab 1 sein.",
        "PORT muss eine Portnummer sein.",
        "NEXTAUTH_SECRET fehlt: Ohne ihn lässt sich im Produktivbetrieb niemand anmelden.",
      ]),
    );
    expect(problems).toHaveLength(8);
    expect(() => readEnv({ SEED_DEMO: "ja" })).toThrow();
  });
});
