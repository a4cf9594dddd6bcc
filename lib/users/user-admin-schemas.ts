import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { ZCheckbox, ZRequiredUuid } from "@/lib/validation/fields";
import { ZEmail, ZNewPassword, ZPersonName } from "./user-schemas";

const ZOrganisationIds = z
  .array(ZRequiredUuid("appError.user.organisationInvalid"), "appError.common.organisationsRequired")
  .min(1, "appError.common.organisationsRequired")
  .max(50, "appError.common.tooManyOrganisations");

export const ZUserFields = z.object({
  name: ZPersonName,
  email: ZEmail,
  organisationIds: ZOrganisationIds,
  isAdmin: ZCheckbox,
  canCreateConcepts: ZCheckbox,
});

/** New person: either a one-time link by mail (default) or an initial password set by the admin. */
export const ZCreateUser = ZUserFields.extend({
  access: z.enum(["link", "password"], "appError.user.accessRequired"),
  password: z.string().optional(),
}).superRefine((value, ctx) => {
  if (value.access !== "password") return;
  const parsed = ZNewPassword.safeParse(value.password ?? "");
  // The password's own issue, with its bound (the message's {min}), at the password field.
  if (!parsed.success) ctx.addIssue({ ...parsed.error.issues[0]!, path: ["password"] });
});

export const ZUpdateUser = ZUserFields.extend({ userId: ZRequiredUuid("appError.common.unknownPerson") });

export const ZUserId = z.object({ userId: ZRequiredUuid("appError.common.unknownPerson") });
export const ZSetUserActive = ZUserId.extend({ active: z.boolean() });

/**
 * The repeated password is the form's typo guard: the forms always send it and then it must match; a caller
 * inside the server (a script, a test) may leave it out.
 */
export const ZSetPassword = z
  .object({
    userId: ZRequiredUuid("appError.common.unknownPerson"),
    password: ZNewPassword,
    passwordConfirm: z.string().optional(),
  })
  .refine((v) => v.passwordConfirm === undefined || v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "appError.user.passwordsDiffer",
  });

export const ZUpdateProfile = z.object({
  name: ZPersonName,
  locale: z.enum(LOCALES, "appError.user.localeRequired"),
});

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "appError.user.currentPasswordRequired").max(1024),
    newPassword: ZNewPassword,
    newPasswordConfirm: z.string().optional(),
  })
  .refine((v) => v.newPasswordConfirm === undefined || v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "appError.user.passwordsDiffer",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "appError.user.passwordUnchanged",
  });

export const ZRedeemLink = z
  .object({ token: z.string().max(100), password: ZNewPassword, passwordConfirm: z.string().optional() })
  .refine((v) => v.passwordConfirm === undefined || v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "appError.user.passwordsDiffer",
  });
