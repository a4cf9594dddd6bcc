import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getUnreadCount, requireActor } from "@/lib/auth/actor";
import { getDb } from "@/db/client";
import { countMyOpenTasks } from "@/lib/tasks/list-my-tasks";
import { setLocaleAction } from "@/app/locale-actions";

/** Everything in here needs a signed-in, active user; the check runs on every request. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // The unread count came with the actor; the tasks are counted, not loaded (the list is "Meine Aufgaben").
  const [unread, openTasks] = await Promise.all([getUnreadCount(), countMyOpenTasks(await getDb(), actor)]);
  return (
    <>
      <SiteHeader actor={actor} unread={unread} openTasks={openTasks} setLocaleAction={setLocaleAction} />
      {children}
      <SiteFooter />
    </>
  );
}
