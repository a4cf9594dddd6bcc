import { sql } from "drizzle-orm";

/** A fresh users.session_version: every session signed with the old one ends at its next request (getActor). */
export const newSessionVersion = () => sql`gen_random_uuid()::text`;
