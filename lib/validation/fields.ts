import { z } from "zod";

/** An HTML checkbox: "on" when ticked, absent otherwise. */
export const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A calendar date yyyy-mm-dd that really exists (no 2022-02-30). */
export const ZIsoDate = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, message);

export const ZRequiredUuid = (message: string) => z.string(message).trim().pipe(z.uuid(message));
