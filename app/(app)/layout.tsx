import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/notifications/inbox";
import { countOpenTasks } from "@/lib/tasks/list-my-tasks";
import { getMyTasks } from "./aufgaben/my-tasks";
import { setLocaleAction } from "@/app/locale-actions";

/** Everything in here needs a signed-in, active user; the check runs on every request. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <SiteHeader
        actor={actor}
        unread={actor ? await countUnread(await getDb(), actor) : 0}
        openTasks={actor ? countOpenTasks((await getMyTasks(actor)).tasks) : 0}
        setLocaleAction={setLocaleAction}
      />
      {children}
      <SiteFooter />
    </>
  );
}
