import { describe, expect, it, vi } from "vitest";
import { AppError, fieldError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZChangePassword } from "@/lib/users/user-admin-schemas";

const reader = vi.hoisted(() => ({ locale: "de" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => reader.locale }));
vi.mock("@/db/client", () => ({ getDb: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { definePublicAction } = await import("./define-action");
const { jsonRoute } = await import("./route-handler");

/** An action whose service refuses with `error`, and one that succeeds. */
const refusing = (error: unknown) =>
  definePublicAction({
    input: () => ({}),
    run: async () => {
      throw error;
    },
  });
const succeeding = definePublicAction({ input: () => ({}), run: async () => 1, success: "feedback.saved" });

describe("the boundary answers in the reader's language", () => {
  it("renders an AppError, its field messages and the success message in English for an English reader", async () => {
    reader.locale = "en";
    const error = fieldError("revisionNumber", "appError.common.revisionNotInSection", { number: 7 });
    expect(await refusing(error)(null, new FormData())).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Version 7 does not exist in this section.",
      fieldErrors: { revisionNumber: "Version 7 does not exist in this section." },
    });
    expect(await succeeding(null, new FormData())).toMatchObject({
      ok: true,
      message: "Your changes have been saved.",
    });
    const response = await jsonRoute(async () => {
      throw new AppError("NOT_FOUND", "appError.common.notFound");
    })();
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND", message: "Not found, or no access." });
  });

  it("gives a German reader the German sentences, with zod's bounds filled in", async () => {
    reader.locale = "de";
    let refusal: unknown;
    try {
      parseOrThrow(ZChangePassword, { currentPassword: "x", newPassword: "kurz" });
    } catch (error) {
      refusal = error;
    }
    expect(await refusing(refusal)(null, new FormData())).toMatchObject({
      code: "VALIDATION",
      message: "Bitte prüfen Sie die markierten Felder.",
      fieldErrors: { newPassword: "Das Passwort muss mindestens 12 Zeichen lang sein." },
    });
    reader.locale = "en";
    expect(await refusing(refusal)(null, new FormData())).toMatchObject({
      message: "Please check the marked fields.",
      fieldErrors: { newPassword: "The password must be at least 12 characters long." },
    });
  });

  it("never shows a key: an unknown key would fail the key test, a bug answers a general sentence", async () => {
    reader.locale = "en";
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await refusing(new TypeError("bug"))(null, new FormData())).toMatchObject({
        code: "INTERNAL",
        message: expect.stringMatching(/^An unexpected error occurred/),
      });
    } finally {
      logged.mockRestore();
    }
  });
});
