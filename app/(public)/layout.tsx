import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getActor } from "@/lib/auth/actor";

/** Pages open to everyone: sign-in and the legal pages. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor().catch(() => null);
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
      <SiteFooter />
    </>
  );
}
