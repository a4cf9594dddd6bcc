import { describe, expect, it } from "vitest";
import { pageOf, parseListQuery } from "./list-query";

const params = (s: string) => new URLSearchParams(s);

describe("parseListQuery", () => {
  it("defaults to the first page of 50 and caps what a client asks for at 100", () => {
    expect(parseListQuery(params(""))).toMatchObject({ page: 1, perPage: 50 });
    expect(parseListQuery(params("elementsPerPage=500&page=3"))).toMatchObject({ page: 3, perPage: 100 });
    expect(parseListQuery(params("elementsPerPage=2"))).toMatchObject({ perPage: 2 });
  });

  it("reads the date-time filters, which need an offset", () => {
    const q = parseListQuery(params("modified_since=2022-06-01T00:00:00%2B02:00&created_until=2022-07-01T00:00:00Z"));
    expect(q.filters.modifiedSince?.toISOString()).toBe("2022-05-31T22:00:00.000Z");
    expect(q.filters.createdUntil?.toISOString()).toBe("2022-07-01T00:00:00.000Z");
  });

  it.each([
    "page=0",
    "page=-1",
    "page=1.5",
    "page=abc",
    "elementsPerPage=0",
    "modified_since=gestern",
    "created_since=2022-06-01",
  ])("answers %s with a German 400", (qs) => {
    let caught: unknown;
    try {
      parseListQuery(params(qs));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect((caught as Error).message).toMatch(/bitte|muss/);
  });
});

describe("pageOf", () => {
  const url = "https://rat.example/api/oparl/v1.1/paper";
  it("links first, prev, next and last and keeps the filters", () => {
    const original = params("modified_since=2022-06-01T00:00:00%2B02:00&elementsPerPage=2&page=2");
    const list = pageOf(url, parseListQuery(original), 5, ["c", "d"], original);
    expect(list.pagination).toEqual({ totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 });
    expect(list.links.first).toBe(`${url}?modified_since=2022-06-01T00%3A00%3A00%2B02%3A00&elementsPerPage=2`);
    expect(list.links.prev).toBe(list.links.first);
    expect(list.links.next).toBe(`${url}?modified_since=2022-06-01T00%3A00%3A00%2B02%3A00&elementsPerPage=2&page=3`);
    expect(list.links.last).toBe(list.links.next);
  });

  it("has one page without prev or next for an empty list, and no page past the end", () => {
    const list = pageOf(url, parseListQuery(params("")), 0, [], params(""));
    expect(list.pagination.totalPages).toBe(1);
    expect(list.links).toEqual({ first: url, self: url, last: url });
    expect(() => pageOf(url, parseListQuery(params("page=2")), 0, [], params("page=2"))).toThrow(/gibt es nicht/);
  });
});
