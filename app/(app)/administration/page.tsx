import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { listAllConcepts } from "@/lib/concepts/list-all-concepts";
import { orNotFound } from "@/lib/http/page-guard";
import { listOutbox } from "@/lib/mail/list-outbox";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { listUsers } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdministrationPage() {
  const actor = await requireActor();
  const db = await getDb();
  const [orgs, people, concepts, outbox] = await orNotFound(
    Promise.all([
      listOrganisations(db, actor, {}),
      listUsers(db, actor, {}),
      listAllConcepts(db, actor),
      listOutbox(db, actor),
    ]),
  );
  const t = await getTranslations("admin");
  const cards = [
    {
      href: "/administration/organisationen",
      title: t("organisations"),
      text: t("organisationsCount", { count: orgs.filter((o) => o.active).length }),
    },
    { href: "/administration/personen", title: t("people"), text: t("peopleCount", { count: people.length }) },
    { href: "/administration/konzepte", title: t("concepts"), text: t("conceptsCount", { count: concepts.length }) },
    {
      href: "/administration/e-mails",
      title: t("mail"),
      text: t("mailCount", { pending: outbox.totals.pending, sent: outbox.totals.sent }),
      failed: outbox.totals.failed,
    },
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">{t("overviewTitle")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("overviewIntro")}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <li key={c.href} className="rounded-lg border border-line bg-white p-6 shadow-sm">
            <h2 className="text-xl font-bold">
              <Link href={c.href}>{c.title}</Link>
            </h2>
            <p className="mt-2">{c.text}</p>
            {c.failed ? (
              <p className="mt-2">
                <Badge tone="danger">{t("mailFailed", { count: c.failed })}</Badge>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
