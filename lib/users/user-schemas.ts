import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE } from "@/lib/validation/fields";
import { MIN_PASSWORD_LENGTH_CLIENT } from "./password-rules";

export const ZEmail = z
  .string()
  .trim()
  .min(1, "Bitte geben Sie eine E-Mail-Adresse ein.")
  .max(320, "Die E-Mail-Adresse ist zu lang.")
  .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse ein."));
export const ZPersonName = z
  .string()
  .trim()
  .min(1, "Bitte geben Sie einen Namen ein.")
  .refine(hasVisibleText, "Bitte geben Sie einen Namen ein.")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(200, "Der Name ist zu lang (höchstens 200 Zeichen).");
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH_CLIENT, `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH_CLIENT} Zeichen lang sein.`)
  .max(1024, "Das Passwort ist zu lang.");
