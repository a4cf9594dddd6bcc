import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { readEnv } from "@/config/env";

export type OutgoingMail = { id: string; to: string; subject: string; text: string };
export type MailTransport = { kind: "smtp" | "file"; send(mail: OutgoingMail): Promise<void> };

export const DEFAULT_FROM = "Konzeptwerk <no-reply@konzeptwerk.invalid>";

function message(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    textEncoding: "quoted-printable" as const,
    messageId: `<${mail.id}@konzeptwerk>`,
  };
}

/** SMTP via nodemailer; SMTP_URL like smtp://user:pass@host:587 or smtps://host:465. */
export function createSmtpTransport(url: string, from = DEFAULT_FROM): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail(message(mail, from));
    },
  };
}

/** Development and tests: each mail becomes an .eml file (RFC 822, as nodemailer would send it). */
export function createFileTransport(dir: string, from = DEFAULT_FROM): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      const info = await builder.sendMail(message(mail, from));
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      await writeFile(path.join(dir, `${stamp}-${mail.id}.eml`), info.message as Buffer);
    },
  };
}

export function transportFromEnv(env: Record<string, string | undefined> = process.env): MailTransport {
  const { MAIL_FROM, SMTP_URL, MAIL_DIR } = readEnv(env);
  const from = MAIL_FROM ?? DEFAULT_FROM;
  if (SMTP_URL) return createSmtpTransport(SMTP_URL, from);
  return createFileTransport(MAIL_DIR ?? path.join(process.cwd(), "data", "mail"), from);
}
