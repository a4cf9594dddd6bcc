import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { requireActor } from "@/lib/auth/actor";

/** Everything in here needs a signed-in, active user; the check runs on every request. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
      <SiteFooter />
    </>
  );
}
