import { describe, expect, it } from "vitest";
import { formatMessage, type MessageKey } from "@/i18n/message";
import { ZCreateOrganisation } from "@/lib/organisations/organisation-schemas";
import { ZChangePassword, ZCreateUser, ZRedeemLink } from "./user-admin-schemas";

/** The schemas give catalogue keys; the German sentence is what a reader with the default language sees. */
const german = (i: { message: string; minimum?: unknown; maximum?: unknown }) =>
  formatMessage({ key: i.message as MessageKey, params: { min: Number(i.minimum), max: Number(i.maximum) } });

const org = "00000000-0000-4000-8000-000000000001";
const errors = (
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown }[] };
    };
  },
  input: unknown,
) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), german(i)]));
};

describe("people: validation", () => {
  const person = { name: "Kai Berger", email: "kai@stadt.example", organisationIds: [org], access: "link" };
  it("accepts a person with a one-time link, checkboxes as form values", () => {
    expect(ZCreateUser.parse({ ...person, isAdmin: "on" })).toMatchObject({
      isAdmin: true,
      canCreateConcepts: false,
      access: "link",
    });
  });
  it("refuses an invalid e-mail and a person without organisation", () => {
    expect(errors(ZCreateUser, { ...person, email: "kai@" })).toEqual({
      email: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    });
    expect(errors(ZCreateUser, { ...person, organisationIds: [] })).toEqual({
      organisationIds: "Bitte wählen Sie mindestens eine Organisation.",
    });
  });
  it("needs a password of at least 12 characters when one is set", () => {
    expect(errors(ZCreateUser, { ...person, access: "password", password: "kurz" })).toEqual({
      password: "Das Passwort muss mindestens 12 Zeichen lang sein.",
    });
    expect(errors(ZCreateUser, { ...person, access: "password", password: "lang-genug-1234" })).toEqual({});
  });
  it("checks the repeated password and that a new password differs", () => {
    expect(
      errors(ZRedeemLink, { token: "x", password: "lang-genug-1234", passwordConfirm: "lang-genug-1235" }),
    ).toHaveProperty("passwordConfirm");
    expect(
      errors(ZChangePassword, {
        currentPassword: "lang-genug-1234",
        newPassword: "lang-genug-1234",
        newPasswordConfirm: "lang-genug-1234",
      }),
    ).toHaveProperty("newPassword");
    expect(
      errors(ZChangePassword, {
        currentPassword: "",
        newPassword: "lang-genug-1234",
        newPasswordConfirm: "lang-genug-1234",
      }),
    ).toHaveProperty("currentPassword");
  });
});

describe("organisations: validation", () => {
  it("needs a classification exactly for committees", () => {
    expect(
      errors(ZCreateOrganisation, { name: "Seniorenrat", shortName: "SR", kind: "gremium", classification: "" }),
    ).toHaveProperty("classification");
    expect(
      ZCreateOrganisation.parse({ name: "Seniorenrat", shortName: "SR", kind: "gremium", classification: "beirat" })
        .classification,
    ).toBe("beirat");
    expect(
      ZCreateOrganisation.parse({ name: "Caritas", shortName: "Caritas", kind: "traeger", classification: "beirat" })
        .classification,
    ).toBeNull();
  });
});
