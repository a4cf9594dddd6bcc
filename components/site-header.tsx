import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { HeaderMenu } from "./header-menu";
import { LanguageSwitch } from "./language-switch";
import { HeaderSearch } from "./search/header-search";
import { SignOutButton } from "./sign-out-button";

/**
 * The header of every page; the layout passes the unread count and the language action. Signed in, everything
 * but the name of the app folds into a menu on narrow screens (HeaderMenu).
 */
export async function SiteHeader({
  actor,
  unread,
  openTasks = 0,
  setLocaleAction,
}: {
  actor: Actor | null;
  unread: number;
  /** Tasks waiting for the actor ("Meine Aufgaben"), computed once per request by the layout. */
  openTasks?: number;
  setLocaleAction: (locale: string) => Promise<void>;
}) {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  const ti = await getTranslations("inbox");
  const tt = await getTranslations("tasks");
  return (
    <header className="border-b border-line bg-white">
      <a
        href="#inhalt"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {tc("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-bold text-ink no-underline">
          {tc("appName")}
        </Link>
        {actor ? (
          <HeaderMenu>
            <nav aria-label={t("mainLabel")}>
              <ul className="flex flex-col gap-3 xl:flex-row xl:flex-wrap xl:gap-5">
                <li>
                  <Link href="/">{t("home")}</Link>
                </li>
                <li>
                  <Link href="/aufgaben">
                    {tt("headerLink")}
                    {openTasks ? (
                      <>
                        <span
                          aria-hidden="true"
                          className="ml-1.5 inline-flex min-w-6 justify-center rounded-full bg-brand px-1.5 text-sm font-bold text-white"
                        >
                          {openTasks}
                        </span>
                        <span className="sr-only">{tt("openSuffix", { count: openTasks })}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
                <li>
                  <Link href="/benachrichtigungen">
                    {ti("headerLink")}
                    {unread ? (
                      <>
                        <span
                          aria-hidden="true"
                          className="ml-1.5 inline-flex min-w-6 justify-center rounded-full bg-danger px-1.5 text-sm font-bold text-white"
                        >
                          {unread}
                        </span>
                        <span className="sr-only">{ti("unreadSuffix", { count: unread })}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
                {actor.isAdmin ? (
                  <li>
                    <Link href="/administration">{t("administration")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/profil">{t("profile")}</Link>
                </li>
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-3">
              <HeaderSearch />
              <LanguageSwitch setLocaleAction={setLocaleAction} />
              <span className="text-sm text-muted">{t("signedInAs", { name: actor.name })}</span>
              <SignOutButton />
            </div>
          </HeaderMenu>
        ) : (
          <LanguageSwitch setLocaleAction={setLocaleAction} />
        )}
      </div>
    </header>
  );
}
