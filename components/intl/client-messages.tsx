import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CHROME_NAMESPACES, type Namespace, pickMessages } from "@/i18n/client-messages";

/**
 * Sends the client components inside it the namespaces they need. A nested provider replaces the messages it
 * inherits instead of adding to them, so the chrome's namespaces come along every time. List exactly what
 * the client components inside need: test/client-messages.test.ts checks it from the import graph.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  const messages = pickMessages(await getMessages(), [...CHROME_NAMESPACES, ...namespaces]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
