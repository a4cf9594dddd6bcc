import { z } from "zod";
import { AppError } from "@/lib/errors";

export const DEFAULT_PER_PAGE = 50;
/** Clients may ask for fewer per page; the server decides the most (OParl: a client must not rely on it). */
export const MAX_PER_PAGE = 100;

const dateTime = (label: string) =>
  z.iso
    .datetime({
      offset: true,
      error: `${label}: bitte als Datum mit Uhrzeit und Zeitzone angeben, z. B. 2022-06-01T00:00:00+02:00.`,
    })
    .optional();

const ZListQuery = z.object({
  page: z.coerce
    .number({ error: "Die Seitenzahl muss eine ganze Zahl ab 1 sein." })
    .int("Die Seitenzahl muss eine ganze Zahl ab 1 sein.")
    .min(1, "Die Seitenzahl muss eine ganze Zahl ab 1 sein.")
    .default(1),
  elementsPerPage: z.coerce
    .number({ error: "elementsPerPage muss eine ganze Zahl ab 1 sein." })
    .int("elementsPerPage muss eine ganze Zahl ab 1 sein.")
    .min(1, "elementsPerPage muss eine ganze Zahl ab 1 sein.")
    .optional(),
  created_since: dateTime("created_since"),
  created_until: dateTime("created_until"),
  modified_since: dateTime("modified_since"),
  modified_until: dateTime("modified_until"),
});

export type ListFilters = { createdSince?: Date; createdUntil?: Date; modifiedSince?: Date; modifiedUntil?: Date };
export type ListQuery = { page: number; perPage: number; requestedPerPage?: number; filters: ListFilters };

/** The reserved URL parameters of an OParl list; anything malformed is a 400 with a German message. */
export function parseListQuery(searchParams: URLSearchParams): ListQuery {
  const raw: Record<string, string> = {};
  for (const key of ["page", "elementsPerPage", "created_since", "created_until", "modified_since", "modified_until"]) {
    const value = searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = ZListQuery.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), i.message]));
    throw new AppError("BAD_REQUEST", Object.values(fieldErrors).join(" "), fieldErrors);
  }
  const q = parsed.data;
  const at = (v: string | undefined) => (v ? new Date(v) : undefined);
  return {
    page: q.page,
    perPage: Math.min(q.elementsPerPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE),
    requestedPerPage: q.elementsPerPage,
    filters: {
      createdSince: at(q.created_since),
      createdUntil: at(q.created_until),
      modifiedSince: at(q.modified_since),
      modifiedUntil: at(q.modified_until),
    },
  };
}

export type OparlList<T> = {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
};

/** Page links keep the client's filters (OParl requires it); a page past the end is "not found". */
export function pageOf<T>(
  listUrl: string,
  query: ListQuery,
  totalElements: number,
  data: T[],
  originalParams: URLSearchParams,
): OparlList<T> {
  const totalPages = Math.max(1, Math.ceil(totalElements / query.perPage));
  if (query.page > totalPages)
    throw new AppError("NOT_FOUND", `Diese Listenseite gibt es nicht; die Liste hat ${totalPages} Seite(n).`);
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["created_since", "created_until", "modified_since", "modified_until"]) {
      const value = originalParams.get(key);
      if (value !== null) params.set(key, value);
    }
    if (query.requestedPerPage !== undefined) params.set("elementsPerPage", String(query.perPage));
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `${listUrl}?${qs}` : listUrl;
  };
  return {
    data,
    pagination: { totalElements, elementsPerPage: query.perPage, currentPage: query.page, totalPages },
    links: {
      first: link(1),
      ...(query.page > 1 ? { prev: link(query.page - 1) } : {}),
      self: link(query.page),
      ...(query.page < totalPages ? { next: link(query.page + 1) } : {}),
      last: link(totalPages),
    },
  };
}
