import { z } from "zod";

/** The editor's content is checked against the editor schema by the service; here only its envelope. */
const ZContent = z.record(z.string(), z.unknown());

export const ZSaveSectionBody = z.object({
  baseVersion: z.number().int().min(0),
  content: ZContent,
  note: z.string().max(500, "appError.section.noteTooLong").nullish(),
});

export const ZConflictBody = z.object({
  baseVersion: z.number().int().min(0),
  content: ZContent,
});

/** Room for 512 KB of content plus JSON escaping and the envelope; the service enforces the 512 KB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
