import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { createUserFromCli } from "@/lib/users/create-user-from-cli";
import { testSupportEnabled } from "@/config/env";

/**
 * End-to-end tests only (KONZEPTWERK_E2E=1): a fresh person with a password, so a spec can change a password
 * or deactivate someone without touching the demo accounts other specs use. A 404 everywhere else.
 */
export async function POST(request: Request) {
  if (!testSupportEnabled()) return NextResponse.json({ ok: false }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as {
    name?: string;
    email?: string;
    password?: string;
    organisation?: string;
  };
  const result = await createUserFromCli(await getDb(), {
    name: String(body.name ?? ""),
    email: String(body.email ?? ""),
    password: String(body.password ?? ""),
    organisation: String(body.organisation ?? "Jugendamt"),
    isAdmin: false,
  });
  return NextResponse.json({ email: result.email });
}
