import { z } from "zod";
import { notFound } from "./errors";

const ZId = z.uuid();

/** Route ids come from the URL: anything that is not a UUID is simply "not found". */
export function parseIdOrNotFound(value: unknown): string {
  const parsed = ZId.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
