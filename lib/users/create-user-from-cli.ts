import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { memberships, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/parse";
import { ZEmail, ZNewPassword, ZPersonName } from "./user-schemas";

const ZCliUser = z.object({
  email: ZEmail,
  name: ZPersonName,
  organisation: z.string().trim().min(1, "appError.user.cliOrganisationRequired").max(200),
  organisationKind: z.enum(["verwaltung", "traeger", "gremium"], "appError.user.cliOrganisationKind").optional(),
  isAdmin: z.boolean(),
  password: ZNewPassword.optional(),
});

/**
 * Bootstraps a user from the command line (e.g. the first admin of a production database). The organisation
 * is found by name or created (kind verwaltung unless given).
 */
export async function createUserFromCli(
  db: Db,
  input: Omit<z.input<typeof ZCliUser>, "organisationKind"> & { organisationKind?: string },
) {
  const parsed = ZCliUser.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "appError.user.cliInvalid", {}, fieldErrorsOf(parsed.error));
  }
  const data = parsed.data;
  const generatedPassword = data.password ? undefined : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(data.password ?? generatedPassword!);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, data.email.toLowerCase()));
    if (existing)
      throw new AppError(
        "VALIDATION",
        "appError.user.emailTaken",
        {},
        {
          email: "appError.user.emailTaken",
        },
      );
    let [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(sql`lower(${organisations.name})`, data.organisation.toLowerCase()));
    const createdOrganisation = !org;
    if (!org) {
      [org] = await tx
        .insert(organisations)
        .values({
          name: data.organisation,
          shortName: data.organisation.slice(0, 40),
          kind: data.organisationKind ?? "verwaltung",
          classification: data.organisationKind === "gremium" ? "ausschuss" : null,
        })
        .returning({ id: organisations.id });
      await recordAuditEvent(tx, {
        action: "organisation.created",
        objectType: "organisation",
        objectId: org!.id,
        summary: { name: data.organisation, via: "cli" },
      });
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        passwordHash,
        isAdmin: data.isAdmin,
        canCreateConcepts: data.isAdmin,
      })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ userId: user!.id, organisationId: org!.id });
    await recordAuditEvent(tx, {
      action: "user.created",
      objectType: "user",
      objectId: user!.id,
      summary: { email: data.email, isAdmin: data.isAdmin, via: "cli" },
    });
    return {
      email: data.email,
      isAdmin: data.isAdmin,
      generatedPassword,
      createdOrganisation,
      organisation: data.organisation,
    };
  });
}
