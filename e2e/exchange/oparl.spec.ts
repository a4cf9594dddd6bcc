import { createHash } from "node:crypto";
import { listProblems, oparlProblems, urlsIn } from "../../test/oparl-validator";
import { createFreshConcept, expect, test } from "../support/fixtures";

type Json = Record<string, unknown>;

/**
 * A client's view: start at the entry point without signing in, follow every URL in every answer (list pages,
 * objects, embedded objects, files) and check that each one resolves and validates against the OParl schemas.
 */
test.describe("OParl 1.1 interface", () => {
  test("a crawler from system finds only valid objects and no dead link, and never a draft", async ({
    request,
    baseURL,
  }) => {
    const submittedTitle = `OParl eingereicht ${Math.random().toString(36).slice(2, 8)}`;
    const draftTitle = `OParl Entwurf ${Math.random().toString(36).slice(2, 8)}`;
    const submitted = await createFreshConcept(request, submittedTitle);
    const draft = await createFreshConcept(request, draftTitle);
    // Not to the AGS: the demo committee member's start page must stay empty for e2e/foundation/roles.spec.ts.
    const submit = await request.post("/api/test-support/submit", {
      data: { conceptId: submitted.conceptId, withoutCommittees: ["AGS"] },
    });
    expect(submit.ok()).toBe(true);
    const vorlage = (await submit.json()) as { vorlageId: string; fileId: string; sha512: string; reference: string };

    const origin = new URL(baseURL!).origin;
    const start = `${origin}/api/oparl/v1.1/system`;
    const queue = [start];
    const seen = new Set<string>();
    const bodies: string[] = [];
    const checksums = new Map<string, string>(); // access/download URL → sha512 announced by its File
    const problems: string[] = [];

    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      expect(seen.size, "crawl stays bounded").toBeLessThan(3000);
      const response = await request.get(url, { maxRedirects: 5 });
      if (!response.ok()) {
        problems.push(`${url}: HTTP ${response.status()}`);
        continue;
      }
      const path = new URL(url).pathname;
      if (!path.startsWith("/api/oparl/")) continue; // e.g. System.website: it resolves, which is all we ask
      if (/\/file\/[^/]+\/(access|download)$/.test(path)) {
        const bytes = await response.body();
        const disposition = response.headers()["content-disposition"];
        if (path.endsWith("/download")) expect(disposition, url).toMatch(/^attachment; filename="[^"]+\.pdf"/);
        else expect(disposition ?? "", url).not.toMatch(/attachment/);
        expect(response.headers()["content-type"]).toBe("application/pdf");
        expect(createHash("sha512").update(bytes).digest("hex"), url).toBe(checksums.get(url));
        continue;
      }
      expect(response.headers()["content-type"], url).toContain("application/json");
      const text = await response.text();
      bodies.push(text);
      const json = JSON.parse(text) as Json;
      if (Array.isArray(json.data)) problems.push(...listProblems(json, url));
      else {
        problems.push(...oparlProblems(json, url));
        expect(json.id, "an object lives at its own id").toBe(url);
      }
      const visitFiles = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(visitFiles);
        else if (node && typeof node === "object") {
          const o = node as Json;
          if (o.type === "https://schema.oparl.org/1.1/File" && typeof o.sha512Checksum === "string") {
            checksums.set(String(o.accessUrl), o.sha512Checksum);
            checksums.set(String(o.downloadUrl), o.sha512Checksum);
          }
          Object.values(o).forEach(visitFiles);
        }
      };
      visitFiles(json);
      // Type URIs name schemas; they are identifiers, not links of this server.
      for (const found of urlsIn(json)) if (new URL(found).origin === origin && !seen.has(found)) queue.push(found);
    }

    expect(problems).toEqual([]);
    for (const list of ["body", "organization", "person", "meeting", "paper", "consultation", "file"])
      expect(seen).toContain(`${origin}/api/oparl/v1.1/${list}`);
    const all = bodies.join("\n");
    expect(seen).toContain(`${origin}/api/oparl/v1.1/paper/${vorlage.vorlageId}`);
    expect(seen).toContain(`${origin}/api/oparl/v1.1/file/${vorlage.fileId}/download`);
    expect(all).toContain(submittedTitle);
    expect(all).toContain("Landeshauptstadt Düsseldorf (Demo)");
    for (const secret of [draftTitle, draft.conceptId, ...Object.values(draft.sectionIds), submitted.conceptId])
      expect(all).not.toContain(secret);
    // The seeded draft text is never in the JSON either (papers carry the title; the text is only in the PDF).
    expect(all).not.toContain("Synergieeffekte");
  });

  test("lists answer bad page numbers with a German message and unknown objects with 404", async ({ request }) => {
    const bad = await request.get("/api/oparl/v1.1/paper?page=0");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe("Die Seitenzahl muss eine ganze Zahl ab 1 sein.");
    expect((await request.get("/api/oparl/v1.1/paper/00000000-0000-0000-0000-000000000000")).status()).toBe(404);
    expect((await request.get("/api/oparl/v1.1/meeting/kein-termin")).status()).toBe(404);
  });
});
