import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { ZCheckbox, ZRequiredUuid } from "@/lib/validation/fields";
import { ZEmail, ZNewPassword, ZPersonName } from "./user-schemas";

const ZOrganisationIds = z
  .array(ZRequiredUuid("Bitte wählen Sie eine gültige Organisation."), "Bitte wählen Sie mindestens eine Organisation.")
  .min(1, "Bitte wählen Sie mindestens eine Organisation.")
  .max(50, "Höchstens 50 Organisationen.");

export const ZUserFields = z.object({
  name: ZPersonName,
  email: ZEmail,
  organisationIds: ZOrganisationIds,
  isAdmin: ZCheckbox,
  canCreateConcepts: ZCheckbox,
});

/** New person: either a one-time link by mail (default) or an initial password set by the admin. */
export const ZCreateUser = ZUserFields.extend({
  access: z.enum(["link", "password"], "Bitte wählen Sie, wie die Person ihren Zugang erhält."),
  password: z.string().optional(),
}).superRefine((value, ctx) => {
  if (value.access !== "password") return;
  const parsed = ZNewPassword.safeParse(value.password ?? "");
  if (!parsed.success) ctx.addIssue({ code: "custom", path: ["password"], message: parsed.error.issues[0]!.message });
});
export type CreateUserInput = z.output<typeof ZCreateUser>;

export const ZUpdateUser = ZUserFields.extend({ userId: ZRequiredUuid("Unbekannte Person.") });
export type UpdateUserInput = z.output<typeof ZUpdateUser>;

export const ZUserId = z.object({ userId: ZRequiredUuid("Unbekannte Person.") });

export const ZSetPassword = z
  .object({ userId: ZRequiredUuid("Unbekannte Person."), password: ZNewPassword, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Die beiden Passwörter stimmen nicht überein.",
  });

export const ZUpdateProfile = z.object({
  name: ZPersonName,
  locale: z.enum(LOCALES, "Bitte wählen Sie eine Sprache."),
});

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Bitte geben Sie Ihr bisheriges Passwort ein.").max(1024),
    newPassword: ZNewPassword,
    newPasswordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "Die beiden Passwörter stimmen nicht überein.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Das neue Passwort muss sich vom bisherigen unterscheiden.",
  });

export const ZRedeemLink = z
  .object({ token: z.string().max(100), password: ZNewPassword, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Die beiden Passwörter stimmen nicht überein.",
  });
