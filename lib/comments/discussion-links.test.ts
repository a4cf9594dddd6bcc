import { describe, expect, it } from "vitest";
import { discussionPageHref, parseThreadFilter, threadHref } from "./discussion-links";

const ORG = "7d1c0a4e-5b8f-4c7a-9e0b-2f3a4b5c6d7e";
const THREAD = "0b9e4c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d";

describe("links into the discussion beside a section", () => {
  it("reads the filter from the query, anything unknown as all threads", () => {
    for (const f of ["offen", "erledigt", "meine", `org:${ORG}`] as const) expect(parseThreadFilter(f)).toBe(f);
    for (const raw of [undefined, "", "alle", "OFFEN", "irgendwas"]) expect(parseThreadFilter(raw)).toBe("alle");
  });

  it("addresses a page under a filter, leaving out page 1 and the filter 'alle', always at the discussion", () => {
    expect(discussionPageHref("c", "s", "alle", 1)).toBe("/konzepte/c/abschnitte/s#diskussion");
    expect(discussionPageHref("c", "s", "alle", 3)).toBe("/konzepte/c/abschnitte/s?seite=3#diskussion");
    expect(discussionPageHref("c", "s", "offen", 1)).toBe("/konzepte/c/abschnitte/s?filter=offen#diskussion");
    expect(discussionPageHref("c", "s", `org:${ORG}`, 2)).toBe(
      `/konzepte/c/abschnitte/s?filter=org%3A${ORG}&seite=2#diskussion`,
    );
  });

  it("links a thread so that the page holding it opens and scrolls to it", () => {
    expect(threadHref("c", "s", THREAD)).toBe(`/konzepte/c/abschnitte/s?thread=${THREAD}#thread-${THREAD}`);
    expect(threadHref("c", "s", THREAD, "meine")).toBe(
      `/konzepte/c/abschnitte/s?filter=meine&thread=${THREAD}#thread-${THREAD}`,
    );
    // The address parses back to the same filter and thread.
    const url = new URL(threadHref("c", "s", THREAD, `org:${ORG}`), "http://x");
    expect(parseThreadFilter(url.searchParams.get("filter") ?? undefined)).toBe(`org:${ORG}`);
    expect(url.searchParams.get("thread")).toBe(THREAD);
  });
});
