import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { requireActor } from "@/lib/auth/actor";
import { canGlobally } from "@/lib/permissions/permissions";
import { globalSubjectOf } from "@/lib/permissions/assert-can-globally";
import { AdminNav } from "./admin-nav";

/**
 * Administration is for admins only; everyone else gets the same 404 as for an unknown page. Every page and
 * action below checks again through its service: this layout is not the guard, only the first gate.
 */
export default async function AdministrationLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!canGlobally("admin.users", globalSubjectOf(actor))) notFound();
  const t = await getTranslations("admin");
  return (
    <main id="inhalt" className="mx-auto w-full max-w-6xl px-6 py-10">
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t("title")}</p>
      <ClientMessages namespaces={["admin"]}>
        <AdminNav />
      </ClientMessages>
      {children}
    </main>
  );
}
