import { z } from "zod";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE } from "@/lib/validation/fields";
import { MIN_PASSWORD_LENGTH_CLIENT } from "./password-rules";

export const ZEmail = z
  .string()
  .trim()
  .min(1, "appError.user.emailRequired")
  .max(320, "appError.user.emailTooLong")
  .pipe(z.email("appError.user.emailInvalid"));
export const ZPersonName = z
  .string()
  .trim()
  .min(1, "appError.common.nameRequired")
  .refine(hasVisibleText, "appError.common.nameRequired")
  .refine(isSingleLine, SINGLE_LINE_MESSAGE)
  .max(200, "appError.common.nameTooLong");
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH_CLIENT, "appError.user.passwordTooShort")
  .max(1024, "appError.user.passwordTooLong");
