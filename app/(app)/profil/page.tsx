import { ClientMessages } from "@/components/intl/client-messages";
import { CalendarSubscription } from "@/components/planning/calendar-subscription";
import { createCalendarLinkAction, revokeCalendarLinkAction } from "./calendar-actions";
import { getDb } from "@/db/client";
import { hasCalendarToken } from "@/lib/planning/calendar-feed";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { buttonClass } from "@/components/ui/button";
import { PasswordForm, ProfileForm } from "./profile-forms";
import { DeputyPanel } from "@/components/workflow/deputy-forms";
import { listDeputyAdministration } from "@/lib/organisations/signoff-deputies";
import { nameDeputyAction, removeDeputyAction } from "./deputy-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const deputyOrgs = await listDeputyAdministration(await getDb(), actor);
  const td = await getTranslations("deputies");
  const t = await getTranslations("profile");
  const tk = await getTranslations("orgKind");
  const tc = await getTranslations("calendar");
  return (
    <ClientMessages namespaces={["profile", "form", "calendar", "deputies", "nav"]}>
      <main id="inhalt" className="mx-auto w-full max-w-5xl px-6 py-10">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-muted">{t("email")}</dt>
            <dd className="font-semibold">{actor.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("organisations")}</dt>
            <dd className="font-semibold">
              {actor.organisations.length
                ? actor.organisations.map((o) => `${o.name} (${tk(o.kind)})`).join(", ")
                : "—"}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-muted">{t("emailNote")}</p>
        <div className="mt-8 grid gap-8 md:grid-cols-2">
          <section
            aria-labelledby="profile-calendar"
            className="self-start rounded-lg border border-line bg-white p-6 md:col-span-2"
          >
            <h2 id="profile-calendar" className="mb-4 text-xl font-bold">
              {tc("title")}
            </h2>
            <CalendarSubscription
              hasToken={await hasCalendarToken(await getDb(), actor)}
              createCalendarLinkAction={createCalendarLinkAction}
              revokeCalendarLinkAction={revokeCalendarLinkAction}
            />
          </section>
          {deputyOrgs.length ? (
            <section
              aria-labelledby="profile-deputies"
              className="self-start rounded-lg border border-line bg-white p-6 md:col-span-2"
            >
              <h2 id="profile-deputies" className="text-xl font-bold">
                {td("title")}
              </h2>
              <p className="mt-2 text-muted">{td("intro")}</p>
              {deputyOrgs.map((o) => (
                <div key={o.id} className="mt-5 border-t border-line pt-4">
                  <h3 className="text-lg font-bold">{td("orgHeading", { organisation: o.name })}</h3>
                  <p className="mt-1 text-sm">{td("signers", { names: o.signers.map((s) => s.name).join(", ") })}</p>
                  <DeputyPanel
                    organisationId={o.id}
                    organisationName={o.name}
                    deputies={o.deputies.map((d) => ({ userId: d.userId, name: d.name }))}
                    nameAction={nameDeputyAction}
                    removeAction={removeDeputyAction}
                  />
                </div>
              ))}
            </section>
          ) : null}
          <section aria-labelledby="profile-data" className="self-start rounded-lg border border-line bg-white p-6">
            <h2 id="profile-data" className="mb-4 text-xl font-bold">
              {t("dataTitle")}
            </h2>
            <ProfileForm name={actor.name} locale={actor.locale} />
          </section>
          <section aria-labelledby="profile-password" className="self-start rounded-lg border border-line bg-white p-6">
            <h2 id="profile-password" className="mb-4 text-xl font-bold">
              {t("passwordTitle")}
            </h2>
            <PasswordForm />
          </section>
          <section aria-labelledby="profile-sessions" className="self-start rounded-lg border border-line bg-white p-6">
            <h2 id="profile-sessions" className="mb-4 text-xl font-bold">
              {t("sessionsTitle")}
            </h2>
            <p className="mb-4 text-sm text-muted">{t("sessionsNote")}</p>
            {/* A plain form post to the sign-out route: works without JavaScript, like "Abmelden". */}
            <form method="post" action="/abmelden">
              <input type="hidden" name="bereich" value="ueberall" />
              <button type="submit" className={buttonClass("secondary")}>
                {t("signOutEverywhere")}
              </button>
            </form>
          </section>
        </div>
      </main>
    </ClientMessages>
  );
}
