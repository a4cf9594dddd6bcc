import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isDemoDataPresent } from "@/demo/demo-presence";
import type { Actor } from "@/lib/auth/actor";
import { planningToday } from "@/lib/clock";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";

/** The actor's tasks for "Meine Aufgaben", computed once per request (the header only counts them). */
export const getMyTasks = cache(async (actor: Actor) => {
  const db = await getDb();
  const today = planningToday(await isDemoDataPresent(db));
  return { today, tasks: await listMyTasks(db, actor, today) };
});
