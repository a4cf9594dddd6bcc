import { z } from "zod";
import { ZRequiredUuid } from "@/lib/validation/fields";

export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 1000;

/** Opening break-glass access needs a reason the lead can judge: a ticket, a request, an incident. */
export const ZOpenBreakGlass = z.object({
  conceptId: ZRequiredUuid("Unbekanntes Konzept."),
  reason: z
    .string("Bitte geben Sie einen Grund an.")
    .trim()
    .min(
      BREAK_GLASS_REASON_MIN,
      `Bitte begründen Sie den Notfallzugriff in mindestens ${BREAK_GLASS_REASON_MIN} Zeichen (z. B. Auftrag, Ticket, Anlass).`,
    )
    .max(BREAK_GLASS_REASON_MAX, `Bitte höchstens ${BREAK_GLASS_REASON_MAX} Zeichen.`),
});
