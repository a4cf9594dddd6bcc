import "server-only";
import { count, like } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { validateContent } from "@/lib/content/validate-content";
import type { Db, Tx } from "@/db/connect";
import {
  conceptParticipants,
  concepts,
  consultations,
  mandateItems,
  memberships,
  organisations,
  sectionMandateItems,
  sectionRevisions,
  sections,
  users,
} from "@/db/schema";
import {
  BERATUNGSFOLGE,
  CONCEPT,
  DEMO_PASSWORD,
  DEMO_USERS,
  MANDATE_ITEMS,
  MOTION_TEXT,
  ORGANISATIONS,
  SECTIONS,
  demoEmail,
  type OrgKey,
} from "./welcome-points";

/** Seeds only an empty database (no users at all): never mixes demo accounts into real data. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  return true;
}

type Refs = { orgIds: Record<OrgKey, string>; userIds: Record<string, string> };

export async function seedDemo(db: Db): Promise<void> {
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (tx) => {
    const orgIds = {} as Record<OrgKey, string>;
    for (const [key, org] of Object.entries(ORGANISATIONS) as [OrgKey, (typeof ORGANISATIONS)[OrgKey]][]) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: org.name,
          shortName: org.shortName,
          kind: org.kind,
          classification: "classification" in org ? org.classification : null,
          illustrative: org.illustrative,
        })
        .returning({ id: organisations.id });
      orgIds[key] = row!.id;
    }
    const userIds: Record<string, string> = {};
    for (const [i, u] of DEMO_USERS.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          name: u.name,
          email: demoEmail(u.key),
          passwordHash: passwordHashes[i]!,
          isAdmin: u.admin,
          canCreateConcepts: u.canCreateConcepts,
        })
        .returning({ id: users.id });
      userIds[u.key] = row!.id;
      await tx.insert(memberships).values({ userId: row!.id, organisationId: orgIds[u.org] });
    }
    await seedWelcomePointsConcept(tx, { orgIds, userIds });
  });
}

/** The demo organisations and users of an already seeded database, looked up by name and e-mail. */
export async function loadDemoRefs(tx: Db | Tx): Promise<Refs> {
  const orgRows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(like(users.email, "%@demo.example"));
  const orgIds = {} as Record<OrgKey, string>;
  for (const [key, org] of Object.entries(ORGANISATIONS) as [OrgKey, { name: string }][]) {
    const found = orgRows.find((o) => o.name === org.name);
    if (!found) throw new Error(`Demo-Organisation fehlt: ${org.name}`);
    orgIds[key] = found.id;
  }
  const userIds = Object.fromEntries(
    DEMO_USERS.map((u) => [u.key, userRows.find((r) => r.email === demoEmail(u.key))?.id ?? ""]),
  );
  return { orgIds, userIds };
}

/** One Welcome Points concept with mandate, Beratungsfolge, participants and first-draft sections. */
export async function seedWelcomePointsConcept(
  tx: Tx,
  { orgIds, userIds }: Refs,
  title: string = CONCEPT.title,
): Promise<{ conceptId: string; sectionIds: Record<string, string> }> {
  const [concept] = await tx
    .insert(concepts)
    .values({
      ...CONCEPT,
      title,
      mandateText: MOTION_TEXT,
      leadOrganisationId: orgIds.lead,
      createdBy: userIds.federfuehrung,
      status: "entwurf",
    })
    .returning({ id: concepts.id });
  const conceptId = concept!.id;

  await tx.insert(conceptParticipants).values([
    { conceptId, userId: userIds.federfuehrung!, role: "lead" },
    { conceptId, organisationId: orgIds.jugendamt, role: "author" },
    { conceptId, organisationId: orgIds.diakonie, role: "contributor" },
    { conceptId, organisationId: orgIds.awo, role: "contributor" },
    { conceptId, organisationId: orgIds.caritas, role: "contributor" },
  ]);

  const itemIds = await tx
    .insert(mandateItems)
    .values(MANDATE_ITEMS.map((text, i) => ({ conceptId, position: i + 1, text })))
    .returning({ id: mandateItems.id });

  await tx.insert(consultations).values(
    BERATUNGSFOLGE.map((c, i) => ({
      conceptId,
      position: i + 1,
      committeeId: orgIds[c.committee],
      role: c.role,
      meetingDate: c.meetingDate,
      meetingTime: c.meetingTime,
    })),
  );

  const sectionIds: Record<string, string> = {};
  for (const [i, s] of SECTIONS.entries()) {
    const { content, text } = validateContent(s.content);
    const author =
      s.owner === "diakonie"
        ? "diakonie"
        : s.owner === "awo"
          ? "awo"
          : s.owner === "jugendamt"
            ? "jugendamt"
            : "federfuehrung";
    const [section] = await tx
      .insert(sections)
      .values({
        conceptId,
        position: i + 1,
        title: s.title,
        ownerOrganisationId: orgIds[s.owner],
        content,
        contentText: text,
        version: 1,
        updatedBy: userIds[author],
      })
      .returning({ id: sections.id });
    sectionIds[s.title] = section!.id;
    await tx.insert(sectionRevisions).values({
      sectionId: section!.id,
      number: 1,
      authorId: userIds[author],
      organisationId: orgIds[s.owner],
      note: "Erster Entwurf aus der Begründung des Antrags",
      content,
      contentText: text,
    });
    if (s.mandateItems.length) {
      await tx
        .insert(sectionMandateItems)
        .values(s.mandateItems.map((idx) => ({ sectionId: section!.id, mandateItemId: itemIds[idx]!.id })));
    }
  }

  await recordAuditEvent(tx, {
    action: "demo.seeded",
    objectType: "concept",
    objectId: conceptId,
    conceptId,
    summary: { title, reference: CONCEPT.mandateReference },
  });
  return { conceptId, sectionIds };
}
