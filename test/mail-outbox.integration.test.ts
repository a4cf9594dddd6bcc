import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { deliverPendingMail } from "@/lib/mail/deliver-pending-mail";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/retry-policy";
import { createFileTransport, createSmtpTransport } from "@/lib/mail/transports";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.cleanup());

/** A real SMTP server on a free port that refuses the first `failFirst` messages with a temporary error. */
async function startSmtp(failFirst: number) {
  const received: { to: string[]; raw: string }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        attempts++;
        if (attempts <= failFirst) {
          const error = Object.assign(new Error("Mailbox vorübergehend nicht verfügbar"), { responseCode: 451 });
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function enqueue(
  to: string,
  text = "Guten Tag,\n\nbitte öffnen Sie http://localhost:3000/zugang/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde\n",
) {
  return database.db.transaction((tx) => enqueueMail(tx, { to, subject: "Ihr Zugang zu Konzeptwerk – Prüfung", text }));
}

describe(`mail outbox (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("retries against a real SMTP server after a failed first attempt, then delivers and forgets the link", async () => {
    const smtp = await startSmtp(1);
    try {
      const db = database.db;
      const id = await enqueue("retry@stadt.example");
      const transport = createSmtpTransport(smtp.url);
      const t0 = new Date();

      expect(await deliverPendingMail(db, transport, { now: t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row!.lastError).toContain("451");
      expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));

      // Not yet due: nothing happens.
      expect(await deliverPendingMail(db, transport, { now: new Date(t0.getTime() + 1000) })).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });

      expect(await deliverPendingMail(db, transport, { now: new Date(t0.getTime() + retryDelayMs(1)) })).toEqual({
        sent: 1,
        retrying: 0,
        failed: 0,
      });
      [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
      expect(row!.textBody).toContain("/zugang/[entfernt]");
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual(["retry@stadt.example"]);
      expect(smtp.received[0]!.raw.replace(/=\r?\n/g, "")).toContain(
        "/zugang/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde",
      );
    } finally {
      await smtp.close();
    }
  });

  it("marks a mail failed after the last attempt, and never sends a claimed mail twice", async () => {
    const db = database.db;
    const id = await enqueue("nobody@stadt.example");
    const broken = { kind: "smtp" as const, send: async () => Promise.reject(new Error("connect ECONNREFUSED")) };
    let now = new Date(Date.now() + 10_000);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await deliverPendingMail(db, broken, { now });
      now = new Date(now.getTime() + retryDelayMs(i));
    }
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "connect ECONNREFUSED" });

    // Claims: a second worker running at the same moment finds nothing to do.
    const other = await enqueue("claim@stadt.example");
    let sends = 0;
    const slow = { kind: "smtp" as const, send: async () => void sends++ };
    const at = new Date(Date.now() + 20_000);
    const [a, b] = await Promise.all([
      deliverPendingMail(db, slow, { now: at }),
      deliverPendingMail(db, slow, { now: at }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    expect(sends).toBe(1);
    expect((await db.select().from(mailOutbox).where(eq(mailOutbox.id, other)))[0]!.status).toBe("sent");
    expect(CLAIM_LEASE_MS).toBeGreaterThan(60_000);
  });

  it("writes .eml files when no SMTP server is configured", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "konzeptwerk-mail-test-"));
    try {
      await enqueue("eml@stadt.example", "Grüße aus dem Postausgang: äöüß");
      await deliverPendingMail(database.db, createFileTransport(path.join(dir, "nested")), {
        now: new Date(Date.now() + 30_000),
      });
      const files = await readdir(path.join(dir, "nested"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = await readFile(path.join(dir, "nested", files[0]!), "utf8");
      expect(eml).toContain("To: eml@stadt.example");
      expect(eml).toMatch(/Subject: =\?UTF-8\?/);
      expect(eml).toContain("Content-Transfer-Encoding: quoted-printable");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
