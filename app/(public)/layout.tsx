import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/notifications/inbox";
import { setLocaleAction } from "@/app/locale-actions";

/** Pages open to everyone: sign-in and the legal pages. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor().catch(() => null);
  return (
    <>
      <SiteHeader
        actor={actor}
        unread={actor ? await countUnread(await getDb(), actor) : 0}
        setLocaleAction={setLocaleAction}
      />
      {children}
      <SiteFooter />
    </>
  );
}
