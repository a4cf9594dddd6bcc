import { createFormatter, createTranslator } from "use-intl/core";
import de from "@/messages/de.json";

/** next-intl/server outside Next: the German catalogue, as a reader with the default language sees it. */
export function germanIntlServer() {
  return {
    getLocale: async () => "de",
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: "de", messages: de, timeZone: "Europe/Berlin", namespace: namespace as never }),
    getFormatter: async () => createFormatter({ locale: "de", timeZone: "Europe/Berlin" }),
  };
}
