import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { getDb } from "@/db/client";
import { getDemoSignIn } from "@/demo/demo-presence";
import { getActor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; passwort?: string; abgemeldet?: string }>;
}) {
  if (await getActor()) redirect("/");
  const t = await getTranslations("signIn");
  const demo = await getDemoSignIn(await getDb());
  const { callbackUrl, passwort, abgemeldet } = await searchParams;
  // Only paths on this site are honoured after sign-in (no open redirect).
  const target = safeCallbackPath(callbackUrl);
  return (
    <ClientMessages namespaces={["signIn"]}>
      <main id="inhalt" className="mx-auto grid max-w-5xl gap-10 px-6 py-12 md:grid-cols-[minmax(0,26rem)_1fr]">
        <section aria-labelledby="signin-title" className="rounded-lg border border-line bg-white p-8 shadow-sm">
          <h1 id="signin-title" className="text-2xl font-bold">
            {t("title")}
          </h1>
          <p className="mt-2 text-muted">{t("intro")}</p>
          {passwort === "geaendert" || passwort === "festgelegt" ? (
            <p role="status" className="mt-4 rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok">
              {t(passwort === "geaendert" ? "passwordChanged" : "passwordSet")}
            </p>
          ) : null}
          {abgemeldet === "ueberall" ? (
            <p role="status" className="mt-4 rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok">
              {t("signedOutEverywhere")}
            </p>
          ) : null}
          <SignInForm callbackUrl={target} />
        </section>
        {demo ? (
          <section aria-labelledby="demo-title" className="self-start rounded-lg border border-line bg-white p-8">
            <h2 id="demo-title" className="text-xl font-bold">
              {t("demoTitle")}
            </h2>
            <p className="mt-2 text-muted">
              {t.rich("demoIntro", {
                password: demo.password,
                code: (chunks) => <code className="rounded bg-canvas px-1.5 py-0.5 font-mono text-ink">{chunks}</code>,
              })}
            </p>

            <table className="mt-4 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 pr-4">
                    {t("demoRole")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("demoEmail")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {demo.accounts.map((u) => (
                  <tr key={u.key} className="border-b border-line last:border-0">
                    <td className="py-2 pr-4">{u.roleLabel}</td>
                    <td className="break-anywhere py-2 font-mono">{u.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
