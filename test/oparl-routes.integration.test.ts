import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connect";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import type { Actor } from "@/lib/auth/load-actor";
import { demoActor } from "./fixtures";
import { submitConcept } from "./submit-fixture";
import { createTestDatabase } from "./test-database";

/** The route handlers themselves, with the app's database and session swapped for the test's. */
const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => state.actor }));

const { GET: getSystemRoute } = await import("@/app/api/oparl/v1.1/system/route");
const { GET: getPaperList } = await import("@/app/api/oparl/v1.1/paper/route");
const { GET: getPaperRoute } = await import("@/app/api/oparl/v1.1/paper/[paperId]/route");
const { GET: getPersonRoute } = await import("@/app/api/oparl/v1.1/person/[personId]/route");
const { GET: getAccess } = await import("@/app/api/oparl/v1.1/file/[fileId]/access/route");
const { GET: getDownload } = await import("@/app/api/oparl/v1.1/file/[fileId]/download/route");

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let vorlage: Awaited<ReturnType<typeof submitConcept>>;
let diakonie: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  state.db = database.db as Db;
  const { conceptId } = await database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), "Vorlage für die Schnittstelle"),
  );
  vorlage = await submitConcept(database.db, conceptId, { reference: "AGS/040/2022" });
  diakonie = await demoActor(database.db, "diakonie");
}, 120_000);
afterAll(async () => database?.cleanup());
afterEach(() => {
  vi.unstubAllEnvs();
  state.actor = null;
});

const req = (path: string) => new Request(`http://127.0.0.1:3999/api/oparl/v1.1${path}`);
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

describe("OParl route handlers", () => {
  it("answer anonymously by default, with CORS, ids from NEXTAUTH_URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://konzeptwerk.example.de/");
    vi.stubEnv("APP_URL", "");
    const response = await getSystemRoute(req("/system"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toMatchObject({ id: "https://konzeptwerk.example.de/api/oparl/v1.1/system" });
  });

  it("fall back to the request's origin without APP_URL and NEXTAUTH_URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("APP_URL", "");
    const body = (await (await getSystemRoute(req("/system"))).json()) as { id: string };
    expect(body.id).toBe("http://127.0.0.1:3999/api/oparl/v1.1/system");
  });

  it("require a session with OPARL_REQUIRE_AUTH=true, for data and files alike", async () => {
    vi.stubEnv("OPARL_REQUIRE_AUTH", "true");
    const anonymous = await getPaperList(req("/paper"));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Cookie realm="Konzeptwerk"');
    expect(await anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED", message: "Bitte melden Sie sich an." });
    expect((await getDownload(req(`/file/${vorlage.fileId}/download`), ctx({ fileId: vorlage.fileId }))).status).toBe(
      401,
    );
    state.actor = diakonie;
    const signedIn = await getPaperList(req("/paper"));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("access-control-allow-origin")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toContain("private");
  });

  it("answer bad page numbers and filters with a German 400, unknown ids with 404", async () => {
    for (const qs of ["page=0", "page=abc", "page=2.5", "modified_since=gestern", "elementsPerPage=-3"]) {
      const response = await getPaperList(req(`/paper?${qs}`));
      expect(response.status, qs).toBe(400);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe("BAD_REQUEST");
      expect(body.message).toMatch(/muss|bitte/);
    }
    expect((await getPaperList(req("/paper?page=99"))).status).toBe(404);
    expect((await getPaperRoute(req("/paper/x"), ctx({ paperId: "x" }))).status).toBe(404);
    const person = await getPersonRoute(req("/person/1"), ctx({ personId: "1" }));
    expect(person.status).toBe(404);
    expect(person.headers.get("content-type")).toContain("application/json");
    expect(await person.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("send the PDF inline at the access URL and as attachment only at the download URL", async () => {
    const access = await getAccess(req(`/file/${vorlage.fileId}/access`), ctx({ fileId: vorlage.fileId }));
    expect(access.status).toBe(200);
    expect(access.headers.get("content-type")).toBe("application/pdf");
    expect(access.headers.get("content-disposition")).toBeNull();
    const bytes = Buffer.from(await access.arrayBuffer());
    expect(bytes.length).toBe(vorlage.size);
    const download = await getDownload(req(`/file/${vorlage.fileId}/download`), ctx({ fileId: vorlage.fileId }));
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Vorlage-AGS-040-2022\.pdf"/);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
