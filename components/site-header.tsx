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
  const ts = await getTranslations("search");
  // The client parts get their texts from here: the chrome then sends the client no "nav" or "search" messages.
  const languageLabels = { group: t("language"), de: t("languageGerman"), en: t("languageEnglish") };
  return (
    <header className="border-b border-line bg-white">
      <a href="#inhalt" className="skip-link">
        {tc("skipToContent")}
      </a>
      <div className="site-header-bar">
        <Link href="/" className="text-xl font-bold text-ink no-underline">
          {tc("appName")}
        </Link>
        {actor ? (
          <HeaderMenu label={t("menu")}>
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
                        <span aria-hidden="true" className="count-pill bg-brand">
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
                        <span aria-hidden="true" className="count-pill bg-danger">
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
              <HeaderSearch
                labels={{
                  form: ts("headerLabel"),
                  input: ts("headerInputLabel"),
                  placeholder: ts("headerPlaceholder"),
                  shortcutHint: ts("shortcutHint"),
                  submit: ts("headerSubmit"),
                }}
              />
              <LanguageSwitch setLocaleAction={setLocaleAction} labels={languageLabels} />
              <span className="text-sm text-muted">{t("signedInAs", { name: actor.name })}</span>
              <SignOutButton />
            </div>
          </HeaderMenu>
        ) : (
          <LanguageSwitch setLocaleAction={setLocaleAction} labels={languageLabels} />
        )}
      </div>
    </header>
  );
}
