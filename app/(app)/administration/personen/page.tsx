import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { listUsers } from "@/lib/users/list-users";
import { ScrollBox } from "@/components/ui/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("userAdmin"))("title") };
}

type Props = { searchParams: Promise<{ q?: string; status?: string }> };
const STATUSES = ["active", "inactive", "all"] as const;

export default async function PeoplePage({ searchParams }: Props) {
  const actor = await requireActor();
  const { q, status: rawStatus } = await searchParams;
  const status = STATUSES.find((s) => s === rawStatus) ?? "active";
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const rows = await orNotFound(listUsers(await getDb(), actor, { q: query, status }));
  const t = await getTranslations("userAdmin");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link href="/administration/personen/neu" className={buttonClass("primary", "no-underline hover:text-white")}>
          {t("newTitle")}
        </Link>
      </div>
      <form
        role="search"
        aria-label={t("searchLabel")}
        className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4"
      >
        <div className="flex grow flex-col gap-1">
          <label htmlFor="user-q" className="font-semibold">
            {t("search")}
          </label>
          <input
            id="user-q"
            name="q"
            type="search"
            defaultValue={query}
            className="rounded-md border border-muted px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="user-status" className="font-semibold">
            {t("status")}
          </label>
          <select
            id="user-status"
            name="status"
            defaultValue={status}
            className="rounded-md border border-muted bg-white px-3 py-2"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`filter_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("searchSubmit")}
        </button>
      </form>
      <p className="mt-4 text-sm text-muted" role="status">
        {t("resultCount", { count: rows.length })}
      </p>
      <ScrollBox label={t("tableCaption")} className="mt-2 rounded-lg border border-line bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="px-4 py-2">
                {t("name")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("organisations")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("rights")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-b border-line align-top last:border-0">
                <td className="px-4 py-3">
                  <Link href={`/administration/personen/${u.id}`} className="font-semibold">
                    {u.name}
                  </Link>
                  <span className="block text-sm text-muted">{u.email}</span>
                </td>
                <td className="px-4 py-3">{u.organisations ?? "—"}</td>
                <td className="px-4 py-3">
                  <span className="flex flex-wrap gap-1">
                    {u.isAdmin ? <Badge tone="info">{t("badgeAdmin")}</Badge> : null}
                    {u.canCreateConcepts ? <Badge>{t("badgeCreates")}</Badge> : null}
                  </span>
                </td>
                <td className="px-4 py-3">
                  {!u.active ? (
                    <Badge>{t("inactive")}</Badge>
                  ) : u.hasPassword ? (
                    <Badge tone="ok">{t("active")}</Badge>
                  ) : (
                    <Badge tone="warn">{t("invited")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
