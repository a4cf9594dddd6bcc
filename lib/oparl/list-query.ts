import { z } from "zod";
import { isMessageKey, type AppErrorKey, type Message } from "@/i18n/message";
import { AppError } from "@/lib/errors";

export const DEFAULT_PER_PAGE = 50;
/** Clients may ask for fewer per page; the server decides the most (OParl: a client must not rely on it). */
export const MAX_PER_PAGE = 100;

const dateTime = () => z.iso.datetime({ offset: true, error: "appError.oparl.dateTimeInvalid" }).optional();

const ZListQuery = z.object({
  page: z.coerce
    .number({ error: "appError.oparl.pageInvalid" })
    .int("appError.oparl.pageInvalid")
    .min(1, "appError.oparl.pageInvalid")
    .default(1),
  elementsPerPage: z.coerce
    .number({ error: "appError.oparl.elementsPerPageInvalid" })
    .int("appError.oparl.elementsPerPageInvalid")
    .min(1, "appError.oparl.elementsPerPageInvalid")
    .optional(),
  created_since: dateTime(),
  created_until: dateTime(),
  modified_since: dateTime(),
  modified_until: dateTime(),
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
    const fieldErrors: Record<string, Message> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "query");
      fieldErrors[field] ??= {
        key: isMessageKey(issue.message) ? issue.message : "appError.common.invalidValue",
        params: { field },
      };
    }
    const [first] = Object.values(fieldErrors);
    throw new AppError("BAD_REQUEST", first!.key as AppErrorKey, first!.params, fieldErrors);
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
  if (query.page > totalPages) throw new AppError("NOT_FOUND", "appError.oparl.pageBeyondEnd", { totalPages });
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
