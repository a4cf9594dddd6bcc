import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { findOneTimeLink } from "@/lib/users/redeem-one-time-link";
import { SetPasswordForm } from "./set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oneTimeLink"))("title"), referrer: "no-referrer", robots: { index: false } };
}

/** Opening the link only shows the form: mail scanners that follow links must not use it up. */
export default async function OneTimeLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findOneTimeLink(await getDb(), token);
  const t = await getTranslations("oneTimeLink");
  return (
    <ClientMessages namespaces={["oneTimeLink", "form"]}>
      <main id="inhalt" className="mx-auto w-full max-w-xl px-6 py-12">
        <section aria-labelledby="link-title" className="rounded-lg border border-line bg-white p-8 shadow-sm">
          <h1 id="link-title" className="text-2xl font-bold">
            {t("title")}
          </h1>
          {link ? (
            <>
              <p className="mt-2">{t(link.purpose === "invitation" ? "welcome" : "reset", { name: link.name })}</p>
              <p className="mt-1 text-muted">{t("account", { email: link.email })}</p>
              <SetPasswordForm token={token} email={link.email} />
            </>
          ) : (
            <>
              <p className="mt-4" role="alert">
                {t("invalid")}
              </p>
              <p className="mt-4">
                <Link href="/anmelden">{t("toSignIn")}</Link>
              </p>
            </>
          )}
        </section>
      </main>
    </ClientMessages>
  );
}
