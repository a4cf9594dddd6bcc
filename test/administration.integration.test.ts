import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  conceptParticipants,
  concepts,
  mailOutbox,
  oneTimeTokens,
  organisations,
  sections,
  users,
} from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { SECTIONS } from "@/demo/welcome-points";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { loadActor } from "@/lib/auth/actor";
import { ZConceptFromMandate } from "@/lib/concepts/concept-schemas";
import { createConceptFromMandate } from "@/lib/concepts/create-concept-from-mandate";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { setOrganisationActive } from "@/lib/organisations/set-organisation-active";
import { updateOrganisation } from "@/lib/organisations/update-organisation";
import { addParticipant } from "@/lib/participants/add-participant";
import { changeParticipantRole, removeParticipant } from "@/lib/participants/change-participant";
import { listParticipants } from "@/lib/participants/list-participants";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createUser } from "@/lib/users/create-user";
import { findOneTimeLink, redeemOneTimeLink } from "@/lib/users/redeem-one-time-link";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { demoActor, demoConcept } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

const orgId = async (name: string) =>
  (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;
const tokenFromMail = (text: string) => /\/zugang\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe(`administration (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("creates a concept from a mandate with its Beratungsfolge, outline and the creator as lead", async () => {
    const db = database.db;
    const lead = await demoActor(db, "federfuehrung");
    const input = ZConceptFromMandate.parse({
      title: "Quartiersarbeit Flingern",
      mandateText: "Der Rat beauftragt die Verwaltung …",
      mandateReference: "RAT/100/2026",
      decisionDate: "2026-02-12",
      deadline: "2026-09-30",
      leadOrganisationId: await orgId("Amt für Migration und Integration"),
      mandateItems: ["Bedarf erheben", "Träger beteiligen"],
      consultations: [
        { committeeId: await orgId("Integrationsrat"), role: "vorberatung", meetingDate: "2026-08-01" },
        { committeeId: await orgId("Jugendhilfeausschuss"), role: "vorberatung", meetingDate: "2026-08-20" },
        {
          committeeId: await orgId("Ausschuss für Gesundheit und Soziales"),
          role: "entscheidung",
          meetingDate: "2026-09-10",
        },
      ],
      outline: "template:welcome-points",
    });
    const { conceptId } = await createConceptFromMandate(db, lead, input);
    const overview = await getConceptOverview(db, lead, conceptId);
    expect(overview.role).toBe("lead");
    expect(overview.consultations.map((c) => [c.committeeShortName, c.role, c.meetingDate])).toEqual([
      ["IR", "vorberatung", "2026-08-01"],
      ["JHA", "vorberatung", "2026-08-20"],
      ["AGS", "entscheidung", "2026-09-10"],
    ]);
    expect(overview.mandateItems.map((m) => m.text)).toEqual(["Bedarf erheben", "Träger beteiligen"]);
    expect(overview.sections.map((s) => s.title)).toEqual(SECTIONS.map((s) => s.title));
    expect(overview.sections.every((s) => s.ownerName === "Amt für Migration und Integration" && s.version === 0)).toBe(
      true,
    );
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "concept.created"), eq(auditEvents.objectId, conceptId)));
    expect(audit!.actorId).toBe(lead.id);
    expect(audit!.summary).toMatchObject({
      after: { reference: "RAT/100/2026", beratungsfolge: [{ committee: "Integrationsrat" }, {}, {}] },
    });

    // Copying the outline of a readable concept takes titles and owners, not text.
    const { concept: demo } = await demoConcept(db);
    const copy = await createConceptFromMandate(db, lead, {
      ...input,
      title: "Kopie",
      outline: { kind: "concept", conceptId: demo.id },
    });
    const copied = await db
      .select()
      .from(sections)
      .where(eq(sections.conceptId, copy.conceptId))
      .orderBy(sections.position);
    expect(copied).toHaveLength(SECTIONS.length);
    expect(copied.find((s) => s.title === "Inhaltliche Weiterentwicklung")!.ownerOrganisationId).toBe(
      await orgId("Diakonie Düsseldorf"),
    );
    expect(copied.every((s) => s.contentText === "")).toBe(true);
  });

  it("refuses bad mandates and people without the right, changing nothing", async () => {
    const db = database.db;
    const base = {
      title: "X",
      mandateText: "Y",
      mandateReference: "Z",
      decisionDate: "2026-03-01",
      deadline: "2026-02-01",
      leadOrganisationId: await orgId("Jugendamt"),
      mandateItems: ["A"],
      consultations: [],
      outline: "none",
    };
    const parsed = ZConceptFromMandate.safeParse(base);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["deadline", "consultations"]));

    const [before] = await db.select({ n: count() }).from(concepts);
    const valid = ZConceptFromMandate.parse({
      ...base,
      deadline: "2026-06-30",
      consultations: [{ committeeId: await orgId("Jugendamt"), role: "entscheidung", meetingDate: "2026-05-01" }],
    });
    // A Verwaltung office is not a committee.
    await expect(createConceptFromMandate(db, await demoActor(db, "federfuehrung"), valid)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "consultations.0.committeeId": expect.any(String) },
    });
    await expect(createConceptFromMandate(db, await demoActor(db, "jugendamt"), valid)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createConceptFromMandate(db, await demoActor(db, "diakonie"), valid)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { concept: demo } = await demoConcept(db);
    const admin = await demoActor(db, "admin");
    // The admin does not take part in the demo concept, so may not copy its outline.
    await expect(
      createConceptFromMandate(db, admin, {
        ...valid,
        consultations: [{ ...valid.consultations[0]!, committeeId: await orgId("Integrationsrat") }],
        outline: { kind: "concept", conceptId: demo.id },
      }),
    ).rejects.toMatchObject({ fieldErrors: { outline: expect.any(String) } });
    const [after] = await db.select({ n: count() }).from(concepts);
    expect(after!.n).toBe(before!.n);
  });

  it("deactivating a user ends their session at the next request, even after reactivation", async () => {
    const db = database.db;
    const admin = await demoActor(db, "admin");
    const { id } = await createUser(db, admin, {
      name: "Kai Berger",
      email: "kai.berger@stadt.example",
      organisationIds: [await orgId("Jugendamt")],
      isAdmin: false,
      canCreateConcepts: false,
      access: "password",
      password: "ein-sicheres-passwort",
    });
    const [{ sessionVersion }] = (await db
      .select({ sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, id))) as [{ sessionVersion: string }];
    expect(await loadActor(db, id, sessionVersion)).not.toBeNull();
    await setUserActive(db, admin, { userId: id, active: false });
    expect(await loadActor(db, id, sessionVersion)).toBeNull();
    await setUserActive(db, admin, { userId: id, active: true });
    expect(await loadActor(db, id, sessionVersion)).toBeNull();
    expect(await loadActor(db, id)).not.toBeNull();
    const actions = (
      await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectId, id))
    ).map((a) => a.action);
    expect(actions).toEqual(["user.created", "user.deactivated", "user.reactivated"]);
  });

  it("invites by one-time link through the outbox; the link works once and ends old sessions", async () => {
    const db = database.db;
    const admin = await demoActor(db, "admin");
    const { id, linkSent } = await createUser(db, admin, {
      name: "Eva Nowak",
      email: "Eva.Nowak@traeger.example",
      organisationIds: [await orgId("AWO Düsseldorf")],
      isAdmin: false,
      canCreateConcepts: false,
      access: "link",
    });
    expect(linkSent).toBe(true);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "Eva.Nowak@traeger.example"));
    expect(mail).toMatchObject({ status: "pending", subject: "Ihr Zugang zu Konzeptwerk" });
    const token = tokenFromMail(mail!.textBody);
    const stored = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(await findOneTimeLink(db, token)).toMatchObject({ name: "Eva Nowak", purpose: "invitation" });

    await expect(
      createUser(db, admin, {
        name: "Doppelt",
        email: "eva.nowak@TRAEGER.example",
        organisationIds: [await orgId("AWO Düsseldorf")],
        isAdmin: false,
        canCreateConcepts: false,
        access: "link",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { email: "Diese E-Mail-Adresse ist bereits vergeben." },
    });

    expect(await redeemOneTimeLink(db, { token, password: "mein-neues-passwort" })).toEqual({
      email: "Eva.Nowak@traeger.example",
    });
    await expect(redeemOneTimeLink(db, { token, password: "noch-ein-passwort!" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await findOneTimeLink(db, token)).toBeNull();
    const actor = (await loadActor(db, id))!;
    expect(actor.organisations.map((o) => o.kind)).toEqual(["traeger"]);

    // Changing the own password: wrong old one refused; right one ends every session.
    const [{ sv }] = (await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, id))) as [
      { sv: string },
    ];
    await expect(
      changeOwnPassword(db, actor, { currentPassword: "falsch-falsch-falsch", newPassword: "noch-ein-passwort!" }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: expect.any(String) } });
    await changeOwnPassword(db, actor, { currentPassword: "mein-neues-passwort", newPassword: "noch-ein-passwort!" });
    expect(await loadActor(db, id, sv)).toBeNull();
  });

  it("keeps the last active admin, and only admins administer", async () => {
    const db = database.db;
    const admin = await demoActor(db, "admin");
    const [adminRow] = await db.select().from(users).where(eq(users.id, admin.id));
    const organisationIds = admin.organisations.map((o) => o.id);
    await expect(
      updateUser(db, admin, {
        userId: admin.id,
        name: adminRow!.name,
        email: adminRow!.email,
        organisationIds,
        isAdmin: false,
        canCreateConcepts: true,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { isAdmin: expect.stringContaining("letzte aktive") },
    });
    await expect(setUserActive(db, admin, { userId: admin.id, active: false })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect((await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, admin.id)))[0]!.isAdmin).toBe(
      true,
    );

    const contributor = await demoActor(db, "diakonie");
    await expect(
      updateUser(db, contributor, {
        userId: contributor.id,
        name: "X",
        email: "x@y.example",
        organisationIds,
        isAdmin: true,
        canCreateConcepts: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createOrganisation(db, contributor, { name: "Neu", shortName: "N", kind: "traeger", classification: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, contributor.id)))[0]!.isAdmin,
    ).toBe(false);
  });

  it("creates, renames and deactivates organisations; names are unique regardless of case", async () => {
    const db = database.db;
    const admin = await demoActor(db, "admin");
    const { id } = await createOrganisation(db, admin, {
      name: "Seniorenrat",
      shortName: "SR",
      kind: "gremium",
      classification: "beirat",
    });
    await expect(
      createOrganisation(db, admin, { name: "SENIORENRAT", shortName: "S", kind: "traeger", classification: null }),
    ).rejects.toMatchObject({ fieldErrors: { name: expect.any(String) } });
    await updateOrganisation(db, admin, {
      organisationId: id,
      name: "Seniorenbeirat",
      shortName: "SBR",
      classification: "beirat",
    });
    await setOrganisationActive(db, admin, { organisationId: id, active: false });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    expect(row).toMatchObject({ name: "Seniorenbeirat", active: false, kind: "gremium" });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, "organisation.updated")));
    expect(audit!.summary).toMatchObject({ before: { name: "Seniorenrat" }, after: { name: "Seniorenbeirat" } });
  });

  it("adds and removes participants and always keeps a lead", async () => {
    const db = database.db;
    const { concept } = await demoConcept(db);
    const lead = await demoActor(db, "federfuehrung");
    const admin = await demoActor(db, "admin");
    const [leadRow] = await db
      .select()
      .from(conceptParticipants)
      .where(and(eq(conceptParticipants.conceptId, concept.id), eq(conceptParticipants.userId, lead.id)));

    await expect(
      removeParticipant(db, lead, { conceptId: concept.id, participantId: leadRow!.id }),
    ).rejects.toMatchObject({ fieldErrors: { _form: expect.stringContaining("Federführung") } });
    await expect(
      changeParticipantRole(db, admin, { conceptId: concept.id, participantId: leadRow!.id, role: "author" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      addParticipant(db, lead, {
        conceptId: concept.id,
        kind: "organisation",
        organisationId: await orgId("Diakonie Düsseldorf"),
        role: "contributor",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { organisationId: expect.any(String) },
    });
    await expect(
      addParticipant(db, lead, {
        conceptId: concept.id,
        kind: "organisation",
        organisationId: await orgId("Integrationsrat"),
        role: "lead",
      }),
    ).rejects.toMatchObject({ fieldErrors: { role: expect.any(String) } });

    const jugendamt = await demoActor(db, "jugendamt");
    const { id: second } = await addParticipant(db, admin, {
      conceptId: concept.id,
      kind: "user",
      userId: jugendamt.id,
      role: "lead",
    });
    await removeParticipant(db, lead, { conceptId: concept.id, participantId: leadRow!.id });
    // The former lead's revisions stay attributed to them.
    const view = await listParticipants(db, jugendamt, concept.id);
    expect(view.participants.filter((p) => p.role === "lead").map((p) => p.name)).toEqual(["Jonas Weber"]);
    expect(
      (await getConceptOverview(db, jugendamt, concept.id)).sections.some((s) => s.updatedByName === "Lena Hoffmann"),
    ).toBe(true);
    await expect(getConceptOverview(db, await demoActor(db, "federfuehrung"), concept.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // A contributor may not manage participants; a forged call answers like an unknown concept.
    await expect(
      addParticipant(db, await demoActor(db, "diakonie"), {
        conceptId: concept.id,
        kind: "user",
        userId: lead.id,
        role: "lead",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await addParticipant(db, jugendamt, { conceptId: concept.id, kind: "user", userId: lead.id, role: "lead" });
    await changeParticipantRole(db, admin, { conceptId: concept.id, participantId: second, role: "author" });
    const leads = await db
      .select({ n: count() })
      .from(conceptParticipants)
      .where(and(eq(conceptParticipants.conceptId, concept.id), eq(conceptParticipants.role, "lead")));
    expect(leads[0]!.n).toBe(1);
  });

  it("refuses to deactivate the only active lead of a running concept, person or organisation", async () => {
    const db = database.db;
    const admin = await demoActor(db, "admin");
    const officeId = (
      await createOrganisation(db, admin, {
        name: "Amt für Quartiersentwicklung",
        shortName: "AQE",
        kind: "verwaltung",
        classification: null,
      })
    ).id;
    const { id: userId } = await createUser(db, admin, {
      name: "Mira Schulte",
      email: "mira.schulte@stadt.example",
      organisationIds: [officeId],
      isAdmin: false,
      canCreateConcepts: true,
      access: "password",
      password: "ein-sicheres-passwort",
    });
    const mira = (await loadActor(db, userId))!;
    const input = ZConceptFromMandate.parse({
      title: "Quartiersbüros Eller",
      mandateText: "Der Rat beauftragt die Verwaltung …",
      mandateReference: "RAT/101/2026",
      decisionDate: "2026-02-12",
      deadline: "2026-09-30",
      leadOrganisationId: officeId,
      mandateItems: ["Bedarf erheben"],
      consultations: [
        {
          committeeId: await orgId("Ausschuss für Gesundheit und Soziales"),
          role: "entscheidung",
          meetingDate: "2026-09-10",
        },
      ],
      outline: "template:welcome-points",
    });
    const { conceptId } = await createConceptFromMandate(db, mira, input);
    const countAudit = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n;
    const auditBefore = await countAudit();

    await expect(setUserActive(db, admin, { userId, active: false })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { _form: expect.stringContaining("„Quartiersbüros Eller“") },
    });
    expect((await db.select({ active: users.active }).from(users).where(eq(users.id, userId)))[0]!.active).toBe(true);

    // The office as a second lead: now the person may go, but the office is the last lead and must stay.
    await addParticipant(db, admin, { conceptId, kind: "organisation", organisationId: officeId, role: "lead" });
    await setUserActive(db, admin, { userId, active: false });
    await expect(setOrganisationActive(db, admin, { organisationId: officeId, active: false })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(
      (await db.select({ active: organisations.active }).from(organisations).where(eq(organisations.id, officeId)))[0]!
        .active,
    ).toBe(true);
    expect(await countAudit()).toBe(auditBefore + 2); // participant.added, user.deactivated — nothing from the refusals
  });

  it("keeps the audit chain intact and writes every change with its actor", async () => {
    const db = database.db;
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const [anon] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          sql`(${auditEvents.action} like 'participant.%' or ${auditEvents.action} like 'organisation.%' or ${auditEvents.action} like 'user.%' or ${auditEvents.action} like 'concept.%')`,
          sql`${auditEvents.actorId} is null`,
        ),
      );
    expect(anon!.n).toBe(0);
  });
});
