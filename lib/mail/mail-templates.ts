import "server-only";
import { createTranslator } from "use-intl/core";
import { isLocale, type Locale } from "@/i18n/locales";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import type { MailInput } from "./enqueue-mail";

const MESSAGES = { de, en } as const;

/** Mails are written in the recipient's language, from the same message files as the UI. */
function translator(locale: string) {
  const l: Locale = isLocale(locale) ? locale : "de";
  return createTranslator({ locale: l, messages: MESSAGES[l], namespace: "mail", timeZone: "Europe/Berlin" });
}

export type NoticeKey = keyof (typeof de)["notice"];
/** A notification text as message key and parameters; rendered in each recipient's language. */
export type NoticeText = { key: NoticeKey; params: Record<string, string | number> };

export function renderNoticeText(locale: string, text: NoticeText): string {
  const l: Locale = isLocale(locale) ? locale : "de";
  return createTranslator({ locale: l, messages: MESSAGES[l], namespace: "notice", timeZone: "Europe/Berlin" })(
    text.key,
    text.params,
  );
}

export function noticeMail(input: {
  to: string;
  locale: string;
  title: string;
  body: string;
  link: string;
}): MailInput {
  const t = translator(input.locale);
  return {
    to: input.to,
    subject: t("noticeSubject", { title: input.title }),
    text: t("noticeBody", { body: input.body, link: input.link }),
  };
}

export function oneTimeLinkMail(input: {
  to: string;
  name: string;
  locale: string;
  link: string;
  expiresAt: Date;
  purpose: "invitation" | "password_reset";
}): MailInput {
  const t = translator(input.locale);
  const kind = input.purpose === "invitation" ? "invitation" : "reset";
  return {
    to: input.to,
    subject: t(`${kind}Subject`),
    text: t(`${kind}Body`, { name: input.name, link: input.link, expires: input.expiresAt }),
  };
}
