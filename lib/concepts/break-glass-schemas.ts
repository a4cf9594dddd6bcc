import { z } from "zod";
import { ZRequiredUuid } from "@/lib/validation/fields";

export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 1000;

/** Opening break-glass access needs a reason the lead can judge: a ticket, a request, an incident. */
export const ZOpenBreakGlass = z.object({
  conceptId: ZRequiredUuid("appError.common.unknownConcept"),
  reason: z
    .string("appError.breakGlass.reasonRequired")
    .trim()
    .min(BREAK_GLASS_REASON_MIN, "appError.breakGlass.reasonTooShort")
    .max(BREAK_GLASS_REASON_MAX, "appError.breakGlass.reasonTooLong"),
});
