import type { AbstractIntlMessages } from "next-intl";
import type de from "../messages/de.json";

export type Namespace = keyof typeof de;

/**
 * What the client components on every page need: the error boundary (the header's client parts get their texts
 * as props). The root layout sends only these; a page adds its own with <ClientMessages>. The whole catalogue
 * would cost every page and every action response ~50 KB. test/client-messages.test.ts keeps both honest.
 */
export const CHROME_NAMESPACES = ["errors"] as const satisfies readonly Namespace[];

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly Namespace[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const value = messages[namespace];
    if (value !== undefined) picked[namespace] = value;
  }
  return picked;
}
