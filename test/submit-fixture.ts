import type { Db } from "@/db/connect";
import { seedSubmittedVorlage, seedWithdrawnVorlage, type SubmitOptions } from "@/demo/seed-submitted-vorlage";

/**
 * Makes a seeded concept "submitted" the way the workflow will: a frozen Fassung, its PDF as stored file,
 * the Vorlage row and status eingereicht. The workflow that creates Vorlagen is built elsewhere; tests use this.
 */
export function submitConcept(db: Db, conceptId: string, options: SubmitOptions = {}) {
  return db.transaction((tx) => seedSubmittedVorlage(tx, conceptId, options));
}

/** The Vorlage is referred back: OParl must show the paper as deleted and nothing of the reworked draft. */
export function withdrawConcept(db: Db, conceptId: string) {
  return db.transaction((tx) => seedWithdrawnVorlage(tx, conceptId));
}
