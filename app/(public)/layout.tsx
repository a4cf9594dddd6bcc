import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getActor, getUnreadCount } from "@/lib/auth/actor";
import { setLocaleAction } from "@/app/locale-actions";

/** Pages open to everyone: sign-in and the legal pages. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor().catch(() => null);
  const unread = actor ? await getUnreadCount() : 0;
  return (
    <>
      <SiteHeader actor={actor} unread={unread} setLocaleAction={setLocaleAction} />
      {children}
      <SiteFooter />
    </>
  );
}
