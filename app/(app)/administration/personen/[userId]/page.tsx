import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActiveToggle } from "@/components/forms/active-toggle";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { listOrganisationOptions } from "@/lib/organisations/list-organisations";
import { getUserForAdmin } from "@/lib/users/get-user-for-admin";
import { setUserActiveAction } from "../actions";
import { UserForm } from "../user-form";
import { SendLinkForm, SetPasswordForm } from "./access-forms";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<{ angelegt?: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { userId } = await params;
  const db = await getDb();
  return orNotFound(
    (async () => {
      const detail = await getUserForAdmin(db, actor, parseIdOrNotFound(userId));
      // Only active organisations can be chosen; memberships in deactivated ones are kept by the service.
      const organisations = await listOrganisationOptions(db);
      return { ...detail, organisations };
    })(),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).user.name };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const { user, organisationIds, openLink, organisations } = await load(params);
  const { angelegt } = await searchParams;
  const t = await getTranslations("userAdmin");
  const format = await getFormatter();
  return (
    <ClientMessages namespaces={["userAdmin", "form", "orgKind"]}>
      <p>
        <Link href="/administration/personen">← {t("backToList")}</Link>
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{user.name}</h1>
        {user.active ? <Badge tone="ok">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
        {user.isAdmin ? <Badge tone="info">{t("badgeAdmin")}</Badge> : null}
      </div>
      {angelegt === "link" || angelegt === "passwort" ? (
        <p role="status" className="mt-4 rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok">
          {angelegt === "link" ? t("createdWithLink", { email: user.email }) : t("createdWithPassword")}
        </p>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="user-edit" className="rounded-lg border border-line bg-white p-6">
          <h2 id="user-edit" className="mb-4 text-xl font-bold">
            {t("editTitle")}
          </h2>
          <UserForm organisations={organisations} user={{ ...user, organisationIds }} />
        </section>
        <div className="flex flex-col gap-8">
          <section aria-labelledby="user-access" className="rounded-lg border border-line bg-white p-6">
            <h2 id="user-access" className="text-xl font-bold">
              {t("accessTitle")}
            </h2>
            <p className="mt-2 text-muted">
              {openLink
                ? t("openLink", { date: openLink.expiresAt, time: openLink.expiresAt })
                : user.hasPassword
                  ? t("hasPassword")
                  : t("noPassword")}
            </p>
            {user.active ? (
              <div className="mt-4 flex flex-col gap-6">
                <SendLinkForm userId={user.id} label={user.hasPassword ? t("sendResetLink") : t("sendInvitation")} />
                <div>
                  <h3 className="mb-3 font-bold">{t("setPasswordTitle")}</h3>
                  <SetPasswordForm userId={user.id} />
                </div>
              </div>
            ) : null}
          </section>
          <section aria-labelledby="user-status" className="rounded-lg border border-line bg-white p-6">
            <h2 id="user-status" className="text-xl font-bold">
              {t("statusTitle")}
            </h2>
            <p className="mt-2 mb-4 text-muted">
              {user.isSelf ? t("selfHint") : user.active ? t("deactivateHint") : t("inactiveHint")}
            </p>
            {user.isSelf ? null : (
              <ActiveToggle
                action={setUserActiveAction}
                idName="userId"
                id={user.id}
                active={user.active}
                texts={{
                  deactivate: t("deactivate"),
                  reactivate: t("reactivate"),
                  confirmTitle: t("confirmTitle", { name: user.name }),
                  confirmText: t("confirmText"),
                }}
              />
            )}
            <p className="mt-4 text-sm text-muted">
              {t("createdAt", { date: format.dateTime(user.createdAt, { dateStyle: "medium" }) })}
            </p>
          </section>
        </div>
      </div>
    </ClientMessages>
  );
}
