import type { Metadata } from "next";
import localFont from "next/font/local";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CHROME_NAMESPACES, pickMessages } from "@/i18n/client-messages";
import "./globals.css";

// Served from our own origin, from the npm package: nothing is ever loaded from another origin.
const sourceSans = localFont({
  src: [
    {
      path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2",
      weight: "400",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-italic.woff2",
      weight: "400",
      style: "italic",
    },
    {
      path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2",
      weight: "600",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2",
      weight: "700",
      style: "normal",
    },
  ],
  variable: "--font-source-sans",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={sourceSans.variable}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        {/* Only the chrome's messages: pages add theirs with <ClientMessages>. */}
        <NextIntlClientProvider messages={pickMessages(await getMessages(), CHROME_NAMESPACES)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
