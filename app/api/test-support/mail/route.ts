import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { testSupportEnabled } from "@/config/env";

/** End-to-end tests only (KONZEPTWERK_E2E=1): a mail that already failed, so the retry can be tested. */
export async function POST(request: Request) {
  if (!testSupportEnabled()) return NextResponse.json({ ok: false }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { subject?: string };
  const db = await getDb();
  const [row] = await db
    .insert(mailOutbox)
    .values({
      toAddress: "fehler@stadt.example",
      subject: String(body.subject ?? "Test").slice(0, 200),
      textBody: "Test",
      status: "failed",
      attempts: 8,
      lastError: "550 Mailbox unavailable (Test)",
    })
    .returning({ id: mailOutbox.id });
  return NextResponse.json({ id: row!.id });
}
