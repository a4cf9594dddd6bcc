import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts, sections, users } from "@/db/schema";
import { demoEmail } from "@/demo/welcome-points";
import { loadActor, type Actor } from "@/lib/auth/load-actor";

export async function demoActor(db: Db, key: string): Promise<Actor> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail(key)));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) throw new Error(`demo user ${key} missing`);
  return actor;
}

export async function demoConcept(db: Db) {
  const [concept] = await db.select().from(concepts).limit(1);
  const sectionRows = await db
    .select()
    .from(sections)
    .where(eq(sections.conceptId, concept!.id))
    .orderBy(sections.position);
  return { concept: concept!, sections: sectionRows };
}
