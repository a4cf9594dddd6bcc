import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-guard";
import { parseIdOrNotFound } from "@/lib/ids";
import { listParticipants } from "@/lib/participants/list-participants";
import { AddParticipantForm, ParticipantRow } from "./participant-forms";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ neu?: string }> };

async function load(params: Props["params"]) {
  const actor = await requireActor();
  const { conceptId } = await params;
  return orNotFound((async () => listParticipants(await getDb(), actor, parseIdOrNotFound(conceptId)))());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { concept } = await load(params);
  return { title: `${(await getTranslations("participants"))("title")} · ${concept.title}` };
}

export default async function ParticipantsPage({ params, searchParams }: Props) {
  const { concept, participants, mayManage, options, readsConcept } = await load(params);
  const { neu } = await searchParams;
  const t = await getTranslations("participants");
  const tr = await getTranslations("role");
  const tk = await getTranslations("orgKind");
  const tc = await getTranslations("concept");
  return (
    <ClientMessages namespaces={["participants", "role", "orgKind", "form"]}>
      <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
        <nav aria-label={tc("breadcrumb")} className="text-sm">
          <ol className="flex flex-wrap gap-2 text-muted">
            <li>{readsConcept ? <Link href={`/konzepte/${concept.id}`}>{concept.title}</Link> : concept.title}</li>
            <li aria-hidden="true">/</li>
            <li aria-current="page">{t("title")}</li>
          </ol>
        </nav>
        <h1 className="mt-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">
          {concept.title} · {concept.mandateReference}
        </p>
        {neu === "1" ? (
          <p role="status" className="mt-4 rounded-md border border-[#b5dcc0] bg-[#e6f4ea] p-3 font-semibold text-ok">
            {t("created")}
          </p>
        ) : null}
        <div className={mayManage ? "mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]" : "mt-8"}>
          <section
            aria-labelledby="participants-list"
            className="self-start rounded-lg border border-line bg-white p-6"
          >
            <h2 id="participants-list" className="text-xl font-bold">
              {t("listTitle", { count: participants.length })}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("listHint")}</p>
            <ScrollBox label={t("tableCaption")} className="mt-4">
              <table className="w-full text-left">
                <caption className="sr-only">{t("tableCaption")}</caption>
                <thead>
                  <tr className="border-b border-line text-sm text-muted">
                    <th scope="col" className="py-2 pr-4">
                      {t("name")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("role")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {participants.map((p) => (
                    <tr key={p.id} className="border-b border-line align-top last:border-0">
                      <td className="py-3 pr-4">
                        <span className="font-semibold">{p.name}</span>
                        {p.active ? null : (
                          <>
                            {" "}
                            <Badge>{t("inactive")}</Badge>
                          </>
                        )}
                        <span className="block text-sm text-muted">
                          {p.kind === "user"
                            ? `${t("kindUser")} · ${p.email}`
                            : `${tk(p.organisationKind!)} · ${t("memberCount", { count: p.memberCount ?? 0 })}`}
                        </span>
                        {p.noSigner ? (
                          <span className="mt-1 block text-sm font-semibold text-danger">{t("noSigner")}</span>
                        ) : null}
                      </td>
                      <td className="py-3 pr-4">
                        {mayManage ? (
                          <ParticipantRow
                            conceptId={concept.id}
                            participant={{
                              id: p.id,
                              name: p.name,
                              role: p.role,
                              kind: p.kind,
                              organisationKind: p.organisationKind,
                            }}
                          />
                        ) : (
                          tr(p.role)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </section>
          {mayManage && options ? (
            <section
              aria-labelledby="participants-add"
              className="self-start rounded-lg border border-line bg-white p-6"
            >
              <h2 id="participants-add" className="mb-4 text-xl font-bold">
                {t("addTitle")}
              </h2>
              <AddParticipantForm conceptId={concept.id} options={options} />
            </section>
          ) : null}
        </div>
      </main>
    </ClientMessages>
  );
}
