import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getUnreadCount, requireActor } from "@/lib/auth/actor";
import { countOpenTasks } from "@/lib/tasks/list-my-tasks";
import { getMyTasks } from "./aufgaben/my-tasks";
import { setLocaleAction } from "@/app/locale-actions";

/** Everything in here needs a signed-in, active user; the check runs on every request. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // The unread count came with the actor; the task list is shared with "Meine Aufgaben" through getMyTasks' cache.
  const [unread, myTasks] = await Promise.all([getUnreadCount(), getMyTasks(actor)]);
  return (
    <>
      <SiteHeader
        actor={actor}
        unread={unread}
        openTasks={countOpenTasks(myTasks.tasks)}
        setLocaleAction={setLocaleAction}
      />
      {children}
      <SiteFooter />
    </>
  );
}
