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

/**
 * Characters nobody sees: whitespace, zero-width and other format characters (ZWSP, ZWJ, word joiner, BOM, bidi
 * controls, soft hyphen) and the Hangul and Braille blanks. A text of only these is empty to a reader.
 */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
export const hasVisibleText = (value: string): boolean => value.replace(INVISIBLE, "") !== "";

/** Any line break. A browser's single-line input never sends one; only a crafted request does. */
export const isSingleLine = (value: string): boolean => !/[\r\n\v\f\u0085\u2028\u2029]/.test(value);
export const SINGLE_LINE_MESSAGE = "appError.common.singleLine";
