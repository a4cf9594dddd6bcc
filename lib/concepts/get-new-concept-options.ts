import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { berlinDate } from "@/lib/clock";
import { listOrganisationOptions } from "@/lib/organisations/list-organisations";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import { listMyConcepts } from "./list-my-concepts";
import { OUTLINE_TEMPLATES } from "./outline-templates";

/** What the "new concept" form offers: lead offices, committees, templates and concepts whose outline may be copied. */
export async function getNewConceptOptions(db: Db, actor: Actor) {
  assertCanGlobally(actor, "concept.create");
  const [offices, committees, mine] = await Promise.all([
    listOrganisationOptions(db, ["verwaltung"]),
    listOrganisationOptions(db, ["gremium"]),
    listMyConcepts(db, actor, berlinDate(new Date())),
  ]);
  return {
    offices,
    committees,
    templates: OUTLINE_TEMPLATES.map((t) => ({ id: t.id, name: t.name, sectionCount: t.sectionTitles.length })),
    copyable: mine
      .filter((c) => c.role !== "committee")
      .map((c) => ({ id: c.id, title: c.title, reference: c.mandateReference })),
    defaultLeadOrganisationId: actor.organisations.find((o) => o.kind === "verwaltung")?.id ?? null,
  };
}
