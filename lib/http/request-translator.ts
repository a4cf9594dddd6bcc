import "server-only";
import { getLocale } from "next-intl/server";
import { formatMessage, type Message } from "@/i18n/message";
import { DEFAULT_LOCALE } from "@/i18n/locales";

/**
 * The reader's language for messages rendered at the boundary (actions, route handlers). Outside a request —
 * the command line, a worker, a test — there is no reader: German, the app's language.
 */
export async function requestTranslator(): Promise<{ locale: string; text: (message: Message) => string }> {
  let locale: string = DEFAULT_LOCALE;
  try {
    locale = await getLocale();
  } catch {
    // no request scope
  }
  return { locale, text: (message) => formatMessage(message, locale) };
}
